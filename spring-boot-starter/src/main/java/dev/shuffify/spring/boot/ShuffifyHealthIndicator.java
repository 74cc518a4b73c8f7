package dev.shuffify.spring.boot;

import dev.shuffify.model.Health;
import dev.shuffify.Shuffify;
import dev.shuffify.model.AccountHealth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Actuator's view of {@link dev.shuffify.service.OperationsService#health() Shuffify.operations().health()}: {@code DOWN} when the store does not answer, else {@code UP},
 * with the figures as details (store latency, the scheduler's last poll and its age, the due backlog and the age
 * of its oldest schedule, the claims this node holds, the accounts by health). The music service is not called.
 *
 * @since 0.2.0
 */
public class ShuffifyHealthIndicator implements HealthIndicator {
    private final Shuffify shuffify;

    /**
     * Creates the indicator.
     *
     * @param shuffify the facade
     */
    public ShuffifyHealthIndicator(Shuffify shuffify) {
        this.shuffify = Objects.requireNonNull(shuffify, "shuffify");
    }

    /**
     * Checks the facade's health.
     *
     * @return {@code UP} or {@code DOWN}, with details
     */
    @Override
    public org.springframework.boot.health.contributor.Health health() {
        Health h = shuffify.operations().health();
        org.springframework.boot.health.contributor.Health.Builder b = h.storeUp()
                ? org.springframework.boot.health.contributor.Health.up()
                : org.springframework.boot.health.contributor.Health.down().withDetail("storeError", h.storeError());
        b.withDetail("storeLatency", h.storeLatency().toString())
                .withDetail("schedulerRunning", h.schedulerRunning())
                .withDetail("claimsHeld", h.claimsHeld());
        if (h.lastPollAt() != null) {
            b.withDetail("lastPollAt", h.lastPollAt().toString()).withDetail("lastPollAge", h.lastPollAge().toString());
        }
        if (h.storeUp()) {
            b.withDetail("dueSchedules", h.dueSchedules()).withDetail("oldestDueAge", h.oldestDueAge().toString());
            Map<String, Long> accounts = new LinkedHashMap<>();
            for (Map.Entry<AccountHealth, Long> e : h.accounts().entrySet()) {
                accounts.put(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
            }
            b.withDetail("accounts", accounts);
        }
        return b.build();
    }
}
