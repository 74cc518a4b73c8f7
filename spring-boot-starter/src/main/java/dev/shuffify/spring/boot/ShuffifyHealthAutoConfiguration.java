package dev.shuffify.spring.boot;

import dev.shuffify.Shuffify;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link ShuffifyHealthIndicator} (component {@code shuffify} of {@code /actuator/health}) when Spring
 * Boot's health support is on the class path, unless {@code management.health.shuffify.enabled=false}.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = ShuffifyAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(Shuffify.class)
@ConditionalOnEnabledHealthIndicator("shuffify")
public class ShuffifyHealthAutoConfiguration {

    /** Creates the configuration (Spring does). */
    public ShuffifyHealthAutoConfiguration() {
    }

    /**
     * The health indicator.
     *
     * @param shuffify the facade
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "shuffifyHealthIndicator")
    public ShuffifyHealthIndicator shuffifyHealthIndicator(Shuffify shuffify) {
        return new ShuffifyHealthIndicator(shuffify);
    }
}
