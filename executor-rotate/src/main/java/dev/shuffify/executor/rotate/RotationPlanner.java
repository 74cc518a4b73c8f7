package dev.shuffify.executor.rotate;

import dev.shuffify.model.Notice;
import dev.shuffify.executor.rotate.RotationSettings.Mode;
import dev.shuffify.executor.rotate.RotationSettings.ReturnOrder;
import dev.shuffify.model.Track;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a rotation moves. Pure: no service, no clock.
 *
 * <p>Production tracks are ranked by age: first by the engine's membership history (when it first saw the
 * track in the playlist), then by the service's {@code addedAt}, then by position. An unknown time ranks as
 * older than any known one.
 *
 * <p>Archive tracks are ranked by how long they have waited there: by membership history, then by position
 * (rotations append to the archive, so lower means earlier). The archive's {@code addedAt} is not used: undoing
 * a failed rotation, a rollback or a snapshot restore puts tracks back at their positions but with a new added
 * date, and the archive's queue order must survive all of them.
 *
 * <p>A uri that occurs more than once is one candidate, represented by its oldest copy; that copy is the one
 * that moves and the other copies stay where they are.
 */
final class RotationPlanner {

    /** Oldest first. */
    static final Comparator<Candidate> OLDEST_FIRST = Comparator
            .comparing(Candidate::firstSeen, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Candidate::addedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingInt(Candidate::index);

    /** Longest in the archive first. */
    static final Comparator<Candidate> LONGEST_ARCHIVED_FIRST = Comparator
            .comparing(Candidate::firstSeen, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingInt(Candidate::index);

    private RotationPlanner() {
    }

    /**
     * One distinct uri of a playlist.
     *
     * @param uri the uri
     * @param index the position of its representative (oldest) copy
     * @param firstSeen when the engine first saw it in the playlist; null when unknown
     * @param addedAt the service's added date of the representative copy; null when unknown or not used
     * @param writable whether the service can add and remove it (false for local files, unavailable entries and
     *     unknown kinds: those never move and never count as movable)
     */
    record Candidate(String uri, int index, Instant firstSeen, Instant addedAt, boolean writable) {
    }

    /**
     * The distinct uris of a playlist with their age keys, in playlist order of first occurrence.
     *
     * @param playlist the playlist
     * @param useAddedAt whether the service's added dates count (production) or not (archive)
     * @return one candidate per distinct uri
     */
    static List<Candidate> candidates(PlaylistState playlist, boolean useAddedAt) {
        Map<String, Candidate> byUri = new LinkedHashMap<>();
        List<Track> items = playlist.items();
        for (int i = 0; i < items.size(); i++) {
            Track t = items.get(i);
            Candidate c = new Candidate(t.uri(), i, playlist.firstSeen().get(t.uri()),
                    useAddedAt ? t.addedAt() : null, t.writable());
            byUri.merge(t.uri(), c, (a, b) -> older(b, a) ? b : a);
        }
        return List.copyOf(byUri.values());
    }

    private static boolean older(Candidate a, Candidate b) {
        Comparator<Instant> time = Comparator.nullsFirst(Comparator.naturalOrder());
        int byTime = time.compare(a.addedAt(), b.addedAt());
        return byTime < 0 || (byTime == 0 && a.index() < b.index());
    }

    /**
     * Plans one rotation.
     *
     * @param settings the parameters
     * @param production the production playlist
     * @param archive the archive playlist
     * @return the plan; empty when production is empty or nothing may move
     */
    static RotationPlan plan(RotationSettings settings, PlaylistState production, PlaylistState archive) {
        int size = production.items().size();
        if (size == 0) {
            return new RotationPlan(0, List.of(), List.of(), List.of(), archive.uris(), List.of());
        }
        int n = Math.min(settings.count(), size);
        Set<String> inProduction = new HashSet<>(production.uris());
        List<Candidate> outgoing = candidates(production, true).stream()
                .filter(c -> c.writable() && !production.protectedUris().contains(c.uri()))
                .sorted(OLDEST_FIRST).toList();
        Comparator<Candidate> inOrder = settings.mode() == Mode.SWAP
                && settings.returnOrder() == ReturnOrder.LONGEST_ARCHIVED ? LONGEST_ARCHIVED_FIRST
                        : LONGEST_ARCHIVED_FIRST.reversed();
        List<Candidate> incoming = settings.mode() == Mode.ARCHIVE_OLDEST ? List.of()
                : candidates(archive, false).stream()
                        .filter(c -> c.writable() && !inProduction.contains(c.uri()))
                        .filter(c -> settings.mode() != Mode.SWAP || !archive.protectedUris().contains(c.uri()))
                        .sorted(inOrder).toList();

        List<Notice> notes = new ArrayList<>();
        int outCount;
        int inCount;
        switch (settings.mode()) {
            case ARCHIVE_OLDEST -> {
                outCount = Math.min(n, outgoing.size());
                inCount = 0;
                if (outCount < n) {
                    notes.add(new Notice(outCount == 0 ? RotationPlan.ALL_TRACKS_PROTECTED : RotationPlan.LIMITED,
                            "only " + outCount + " of " + n + " tracks could be archived: the others are pinned, "
                            + "protected, local files or unavailable entries"));
                }
            }
            case REFRESH -> {
                outCount = Math.min(n, Math.min(outgoing.size(), incoming.size()));
                inCount = outCount;
                partialNote(notes, "refreshed", n, outCount, outgoing.size(), incoming.size());
            }
            default -> {
                int[] counts = swapCounts(settings, size, n, outgoing.size(), incoming.size(), notes);
                outCount = counts[0];
                inCount = counts[1];
            }
        }
        List<Candidate> out = outgoing.subList(0, outCount);
        List<Candidate> in = incoming.subList(0, inCount);
        return new RotationPlan(n, uris(out), uris(in), productionAfter(production, out, in),
                archiveAfter(archive, out, settings.mode() == Mode.SWAP ? in : List.of()), notes);
    }

    private static int[] swapCounts(RotationSettings settings, int size, int n, int outAvailable, int inAvailable,
            List<Notice> notes) {
        Integer target = settings.targetSize();
        int overflow = target == null ? 0 : Math.max(0, size - target);
        int deficit = target == null ? 0 : Math.max(0, target - size);
        int extraOut = Math.min(overflow, outAvailable);
        int exchanged = Math.min(n, Math.min(outAvailable - extraOut, inAvailable));
        int extraIn = Math.min(deficit, inAvailable - exchanged);
        partialNote(notes, "swapped", n, exchanged, outAvailable - extraOut, inAvailable);
        if (extraOut < overflow) {
            notes.add(new Notice(RotationPlan.ABOVE_TARGET_SIZE, "production stays above target_size " + target
                    + ": only " + outAvailable + " of its tracks may be rotated out (the others are pinned, "
                    + "protected, local files or unavailable entries)"));
        }
        if (extraIn < deficit) {
            notes.add(new Notice(RotationPlan.BELOW_TARGET_SIZE, "production stays below target_size " + target
                    + ": the archive has no more tracks that "
                    + "are not already in production"));
        }
        return new int[] {extraOut + exchanged, exchanged + extraIn};
    }

    private static void partialNote(List<Notice> notes, String verb, int asked, int done, int outAvailable,
            int inAvailable) {
        if (done >= asked) {
            return;
        }
        if (inAvailable < asked && inAvailable <= outAvailable) {
            notes.add(new Notice(RotationPlan.ARCHIVE_EXHAUSTED, "the archive has only " + inAvailable
                    + " track(s) that are not already in production; "
                    + verb + " " + done + " instead of " + asked));
        } else {
            notes.add(new Notice(outAvailable == 0 ? RotationPlan.ALL_TRACKS_PROTECTED : RotationPlan.LIMITED,
                    "only " + outAvailable + " production track(s) may be rotated out (the others are pinned, "
                    + "protected, local files or unavailable entries); " + verb + " " + done + " instead of "
                    + asked));
        }
    }

    private static List<String> uris(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::uri).toList();
    }

    private static List<String> productionAfter(PlaylistState production, List<Candidate> out, List<Candidate> in) {
        List<String> after = without(production.uris(), out);
        after.addAll(uris(in));
        return after;
    }

    private static List<String> archiveAfter(PlaylistState archive, List<Candidate> out, List<Candidate> taken) {
        List<String> before = archive.uris();
        List<String> after = without(before, taken);
        Set<String> present = new HashSet<>(before);
        for (Candidate c : out) {
            if (present.add(c.uri())) {
                after.add(c.uri());
            }
        }
        return after;
    }

    /** The uris without the representative copy of each candidate. */
    private static List<String> without(List<String> uris, List<Candidate> removed) {
        Set<Integer> positions = new HashSet<>();
        removed.forEach(c -> positions.add(c.index()));
        List<String> kept = new ArrayList<>(uris.size());
        for (int i = 0; i < uris.size(); i++) {
            if (!positions.contains(i)) {
                kept.add(uris.get(i));
            }
        }
        return kept;
    }
}
