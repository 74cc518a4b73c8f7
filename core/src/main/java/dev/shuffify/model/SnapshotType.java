package dev.shuffify.model;

import java.util.Locale;

/**
 * Why a snapshot was taken.
 *
 * @since 0.1.0
 */
public enum SnapshotType {
    /** Before a raid's first add. */
    AUTO_PRE_RAID,
    /** Before a shuffle's first write. */
    AUTO_PRE_SHUFFLE,
    /** Before a rotation's first write (production and archive). */
    AUTO_PRE_ROTATE,
    /** Before the first write of any other job type. */
    SCHEDULED_PRE_EXECUTION,
    /** Taken by the user. */
    MANUAL,
    /** Before a restore wrote a snapshot back. */
    AUTO_PRE_RESTORE;

    /**
     * The lower-case name used in stores, e.g. {@code auto_pre_raid}.
     *
     * @return never null
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
