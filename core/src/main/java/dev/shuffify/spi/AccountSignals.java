package dev.shuffify.spi;

/**
 * Receives the {@link AccountSignal}s of a music-service adapter. Core's implementation records account health
 * in the store ({@link dev.shuffify.store.AccountHealthRecorder}).
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface AccountSignals {
    /** Drops every signal. */
    AccountSignals NONE = signal -> { };

    /**
     * Reports a signal. Must not throw for a store failure (the call it reports on goes on).
     *
     * @param signal what happened
     */
    void report(AccountSignal signal);
}
