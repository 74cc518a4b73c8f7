package dev.shuffify.model;

/**
 * Per-user settings.
 *
 * @param autoSnapshot whether the engine snapshots a playlist before a job's first write (default on)
 * @param snapshotRetention how many snapshots to keep per playlist (default 10, at least 1)
 * @since 0.1.0
 */
public record UserSettings(boolean autoSnapshot, int snapshotRetention) {

    /** The defaults: auto-snapshot on, keep 10 per playlist. */
    public static final UserSettings DEFAULTS = new UserSettings(true, 10);

    /**
     * Validates.
     *
     * @param autoSnapshot whether the engine snapshots a playlist before a job's first write (default on)
     * @param snapshotRetention how many snapshots to keep per playlist (default 10, at least 1)
     */
    public UserSettings {
        if (snapshotRetention < 1) {
            throw new dev.shuffify.error.ValidationException("snapshotRetention",
                    "must be at least 1, was " + snapshotRetention);
        }
    }
}
