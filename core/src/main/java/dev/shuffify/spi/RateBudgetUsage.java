package dev.shuffify.spi;

/**
 * How much of the application's rate budget at the music service is in use, as a connector counts it. The
 * service counts calls per application (client id) over a rolling window, not per user, so one figure covers
 * every account. Read from counters in memory: making one never calls the service.
 *
 * @param inWindow the calls granted in the current window; at least 0
 * @param budget the calls allowed per window now (lower than {@code configuredBudget} for a while after 429s);
 *     at least 1
 * @param configuredBudget the calls per window the connector was configured with; at least 1
 * @param rateLimitedResponses the 429 (Too Many Requests) answers met since the connector was made; at least 0
 * @since 0.2.0
 */
public record RateBudgetUsage(int inWindow, int budget, int configuredBudget, long rateLimitedResponses) {

    /**
     * Validates the figures.
     *
     * @param inWindow the calls granted in the current window; at least 0
     * @param budget the calls allowed per window now; at least 1
     * @param configuredBudget the configured calls per window; at least 1
     * @param rateLimitedResponses the 429 answers met; at least 0
     * @throws IllegalArgumentException when a figure is out of range
     */
    public RateBudgetUsage {
        if (inWindow < 0 || budget < 1 || configuredBudget < 1 || rateLimitedResponses < 0) {
            throw new IllegalArgumentException("invalid rate budget usage: inWindow " + inWindow + ", budget "
                    + budget + ", configuredBudget " + configuredBudget + ", rateLimitedResponses "
                    + rateLimitedResponses);
        }
    }

    /**
     * The share of the current budget in use, from 0 (idle) to 1 (the window is full; calls wait).
     *
     * @return {@code inWindow / budget}, at most 1
     */
    public double utilisation() {
        return Math.min(1.0, (double) inWindow / budget);
    }
}
