package dev.shuffify.model;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Why a snapshot was taken: a name such as {@code auto_pre_shuffle}. The set is open — a job type names its
 * own ({@link dev.shuffify.spi.JobExecutor#snapshotType()}), and stores keep the name as text.
 *
 * <p>A name is a lower-case letter followed by lower-case letters, digits and underscores, at most
 * {@value #MAX_LENGTH} characters; {@link #of} accepts any case and returns the lower-case name. The constants
 * are the types core takes itself ({@link #MANUAL}, {@link #AUTO_PRE_RESTORE}, {@link #SCHEDULED_PRE_EXECUTION})
 * and those of the built-in job types, kept here so that code and stored snapshots written against them read
 * as before; {@code of("auto_pre_raid")} returns {@link #AUTO_PRE_RAID} itself.
 *
 * <pre>{@code
 * public static final SnapshotType PRE_DEDUPE = SnapshotType.of("auto_pre_dedupe");
 * public SnapshotType snapshotType() { return PRE_DEDUPE; }   // in a JobExecutor
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SnapshotType {
    /** The longest name (the stores' column holds 40 characters). */
    public static final int MAX_LENGTH = 40;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** Before a raid's first add (the {@code raid} job type's). */
    public static final SnapshotType AUTO_PRE_RAID = new SnapshotType("auto_pre_raid");
    /** Before a shuffle's first write (the {@code shuffle} job type's). */
    public static final SnapshotType AUTO_PRE_SHUFFLE = new SnapshotType("auto_pre_shuffle");
    /** Before a rotation's first write, production and archive (the {@code rotate} job type's). */
    public static final SnapshotType AUTO_PRE_ROTATE = new SnapshotType("auto_pre_rotate");
    /** Before the first write of a job type that names no type of its own. */
    public static final SnapshotType SCHEDULED_PRE_EXECUTION = new SnapshotType("scheduled_pre_execution");
    /** Taken by the user. */
    public static final SnapshotType MANUAL = new SnapshotType("manual");
    /** Before a restore wrote a snapshot back. */
    public static final SnapshotType AUTO_PRE_RESTORE = new SnapshotType("auto_pre_restore");

    private static final Map<String, SnapshotType> KNOWN = Map.of(
            AUTO_PRE_RAID.name, AUTO_PRE_RAID, AUTO_PRE_SHUFFLE.name, AUTO_PRE_SHUFFLE,
            AUTO_PRE_ROTATE.name, AUTO_PRE_ROTATE, SCHEDULED_PRE_EXECUTION.name, SCHEDULED_PRE_EXECUTION,
            MANUAL.name, MANUAL, AUTO_PRE_RESTORE.name, AUTO_PRE_RESTORE);

    private final String name;

    private SnapshotType(String name) {
        this.name = name;
    }

    /**
     * The type of a name, e.g. {@code auto_pre_dedupe}.
     *
     * @param name the name, in any case, surrounding blanks ignored
     * @return the type (one of the constants when the name is theirs)
     * @throws IllegalArgumentException when the name is null, blank, longer than {@value #MAX_LENGTH}
     *     characters, or not a letter followed by letters, digits and underscores
     */
    public static SnapshotType of(String name) {
        if (name == null) {
            throw new IllegalArgumentException("a snapshot type needs a name");
        }
        String normalised = name.strip().toLowerCase(Locale.ROOT);
        SnapshotType known = KNOWN.get(normalised);
        if (known != null) {
            return known;
        }
        if (normalised.length() > MAX_LENGTH || !NAME.matcher(normalised).matches()) {
            String shown = normalised.length() > 60 ? normalised.substring(0, 60) + "…" : normalised;
            throw new IllegalArgumentException("snapshot type '" + shown + "' is not a name: a letter followed by "
                    + "letters, digits and underscores, at most " + MAX_LENGTH + " characters");
        }
        return new SnapshotType(normalised);
    }

    /**
     * The name, e.g. {@code auto_pre_raid}.
     *
     * @return the lower-case name
     */
    public String name() {
        return name;
    }

    /**
     * The name used in stores and JSON: the same as {@link #name()}.
     *
     * @return the lower-case name
     */
    public String wireName() {
        return name;
    }

    /**
     * Types are equal when their names are.
     *
     * @param other the other object
     * @return whether it is a type of the same name
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof SnapshotType t && t.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /**
     * The name.
     *
     * @return the lower-case name
     */
    @Override
    public String toString() {
        return name;
    }
}
