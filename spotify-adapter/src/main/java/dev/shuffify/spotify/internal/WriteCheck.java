package dev.shuffify.spotify.internal;

import dev.shuffify.model.Playlist;
import dev.shuffify.spotify.internal.ServiceCaller.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides from a re-read whether a playlist write whose answer was lost (5xx, timeout, dropped connection) was
 * applied. The service applies each write whole or not at all, so comparing the entries read back with what the
 * service counted before the write (the entries this adapter last read or wrote) and with what the write would make
 * of them tells the two apart; when the playlist changed in another way, the outcome is unknown and the write is
 * not re-sent.
 */
public final class WriteCheck {

    /**
     * What the adapter last knew of a playlist.
     *
     * @param snapshot the snapshot id, may be null
     * @param uris the entries' uris in order, unavailable entries included
     */
    public record Known(String snapshot, List<String> uris) {
        /** Copies the uris. */
        public Known {
            uris = List.copyOf(uris);
        }
    }

    private WriteCheck() {
    }

    /**
     * An add of {@code added} at {@code position} (null: at the end).
     *
     * @param now the playlist read back
     * @param before what was known before, or null
     * @param added the uris added
     * @param position the position, or null
     * @return the outcome
     */
    public static Outcome<String> added(Playlist now, Known before, List<String> added, Integer position) {
        List<String> uris = now.uris();
        if (before != null) {
            List<String> expected = new ArrayList<>(before.uris());
            expected.addAll(position == null || position > expected.size() ? expected.size() : position, added);
            if (uris.equals(expected)) {
                return new Outcome.Applied<>(now.snapshotId());
            }
            if (uris.equals(before.uris())) {
                return new Outcome.NotApplied<>();
            }
            return new Outcome.Unknown<>("the playlist holds " + uris.size() + " entries, " + before.uris().size()
                    + " before the add, and not in the order the add would leave");
        }
        int at = position == null ? uris.size() - added.size() : position;
        if (at >= 0 && at + added.size() <= uris.size() && uris.subList(at, at + added.size()).equals(added)) {
            return new Outcome.Applied<>(now.snapshotId());
        }
        return new Outcome.NotApplied<>();
    }

    /**
     * A remove of every occurrence of {@code removed}: applied when none is left.
     *
     * @param now the playlist read back
     * @param removed the uris removed
     * @return the outcome
     */
    public static Outcome<String> removed(Playlist now, List<String> removed) {
        return now.uris().stream().noneMatch(removed::contains) ? new Outcome.Applied<>(now.snapshotId())
                : new Outcome.NotApplied<>();
    }

    /**
     * A replace: applied when the playlist holds exactly the new entries.
     *
     * @param now the playlist read back
     * @param replacement the new uris
     * @return the outcome
     */
    public static Outcome<String> replaced(Playlist now, List<String> replacement) {
        return now.uris().equals(replacement) ? new Outcome.Applied<>(now.snapshotId())
                : new Outcome.NotApplied<>();
    }

    /**
     * A reorder: applied when the order is the moved one, not applied when it is the old one.
     *
     * @param now the playlist read back
     * @param before what was known before, or null
     * @param rangeStart the first position moved
     * @param rangeLength how many
     * @param insertBefore where to
     * @return the outcome
     */
    public static Outcome<String> reordered(Playlist now, Known before, int rangeStart, int rangeLength,
            int insertBefore) {
        if (before == null) {
            return new Outcome.Unknown<>("the order before the move is not known");
        }
        List<String> expected = new ArrayList<>(before.uris());
        try {
            move(expected, rangeStart, rangeLength, insertBefore);
        } catch (IndexOutOfBoundsException e) {
            return new Outcome.Unknown<>("the move does not fit the entries known before it");
        }
        boolean moved = now.uris().equals(expected);
        boolean unchanged = now.uris().equals(before.uris());
        if (moved && !unchanged) {
            return new Outcome.Applied<>(now.snapshotId());
        }
        if (unchanged) {
            // not applied, or a move that leaves the order as it was: sending it again is harmless either way
            return new Outcome.NotApplied<>();
        }
        return new Outcome.Unknown<>("the order is neither the one before the move nor the one after it");
    }

    /**
     * Moves a range as the service's reorder does ({@code insertBefore} counts positions before the move).
     *
     * @param list the entries, changed in place
     * @param rangeStart the first position moved
     * @param rangeLength how many
     * @param insertBefore where to
     * @param <T> the entry type
     */
    public static <T> void move(List<T> list, int rangeStart, int rangeLength, int insertBefore) {
        if (rangeStart + rangeLength > list.size() || insertBefore > list.size()) {
            throw new IndexOutOfBoundsException("range " + rangeStart + "+" + rangeLength + " before " + insertBefore
                    + " does not fit " + list.size() + " entries");
        }
        List<T> moved = new ArrayList<>(list.subList(rangeStart, rangeStart + rangeLength));
        list.subList(rangeStart, rangeStart + rangeLength).clear();
        int target = insertBefore > rangeStart ? Math.max(rangeStart, insertBefore - rangeLength) : insertBefore;
        list.addAll(target, moved);
    }
}
