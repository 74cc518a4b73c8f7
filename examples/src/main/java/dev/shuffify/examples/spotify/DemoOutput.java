package dev.shuffify.examples.spotify;

import dev.shuffify.algorithms.ArtistSpreadMetrics;
import dev.shuffify.model.PlannedChange;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Track;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** How the demo shows playlists, tracks and planned changes. Every line goes to one {@link PrintStream}. */
final class DemoOutput {

    private static final int LABEL_WIDTH = 44;
    private static final int MIN_PLAYLISTS_LISTED = 20;

    private final PrintStream out;
    private final ObservingConnector tracks;
    private final int show;
    private final Map<String, String> playlistNames = new ConcurrentHashMap<>();

    DemoOutput(PrintStream out, ObservingConnector tracks, int show) {
        this.out = out;
        this.tracks = tracks;
        this.show = show;
    }

    void line(String text) {
        out.println(text);
    }

    void blank() {
        out.println();
    }

    void name(String playlistId, String name) {
        playlistNames.put(playlistId, name);
    }

    /** @return {@code 'Name' (id)}, or {@code playlist id} for one not seen yet */
    String playlist(String playlistId) {
        String name = playlistNames.get(playlistId);
        return name == null ? "playlist " + playlistId : "'" + name + "' (" + playlistId + ")";
    }

    /** @return {@code Artist – Title}, or the uri for a track not seen in any answer */
    String track(String uri) {
        return tracks.track(uri).map(t -> (t.artists().isEmpty() ? "?" : t.artists().get(0).name()) + " – "
                + t.name()).orElse(uri);
    }

    void playlists(List<PlaylistSummary> playlists, String userId) {
        line("Your playlists (" + playlists.size() + "):");
        int listed = Math.max(show, MIN_PLAYLISTS_LISTED);
        for (PlaylistSummary p : playlists) {
            name(p.id(), p.name());
            if (listed-- > 0) {
                String owner = userId.equals(p.ownerId()) ? "" : "  (followed; owner " + p.ownerId() + ")";
                line(String.format("  %-24s %-36s %5d tracks%s", p.id(), cut(p.name(), 36), p.total(), owner));
            }
        }
        if (listed < 0) {
            line("  … and " + (-listed) + " more");
        }
    }

    /** Prints the planned changes, one line per call, with the tracks added or removed. */
    void changes(List<PlannedChange> changes) {
        if (changes.isEmpty()) {
            line("  no change: nothing would be written");
            return;
        }
        int reorders = 0;
        Set<String> replaced = new HashSet<>();
        for (PlannedChange c : changes) {
            String where = playlist(c.playlistId());
            switch (c.operation()) {
                case ADD -> {
                    if (replaced.contains(c.playlistId()) && c.position() == null) {
                        line("  ADD the next " + c.uris().size() + " track(s) of the new order to " + where);
                    } else {
                        line("  ADD " + c.uris().size() + " track(s) to " + where + (c.position() == null
                                ? " at the end" : " at position " + (c.position() + 1)) + ":");
                        list("    + ", c.uris());
                    }
                }
                case REMOVE -> {
                    line("  REMOVE " + c.uris().size() + " track(s) from " + where + ":");
                    list("    - ", c.uris());
                }
                case REPLACE -> {
                    replaced.add(c.playlistId());
                    line("  REPLACE the items of " + where + " with the first " + c.uris().size()
                            + " track(s) of the new order");
                }
                case REORDER -> {
                    if (++reorders <= show) {
                        line("  REORDER " + where + ": move " + c.rangeLength() + " track(s) from position "
                                + (c.position() + 1) + " to before position " + (c.insertBefore() + 1));
                    }
                }
                default -> line("  " + c.operation() + " " + where);
            }
        }
        if (reorders > show) {
            line("  … and " + (reorders - show) + " more REORDER call(s)");
        }
    }

    /** Prints two orders of one playlist side by side, and the artist spread of each. */
    void beforeAfter(String title, List<String> before, List<String> after, boolean spread) {
        line(title + " (first " + Math.min(show, Math.max(before.size(), after.size())) + "; " + before.size()
                + " → " + after.size() + " tracks):");
        line(String.format("  %-" + (LABEL_WIDTH + 6) + "s %s", "before", "after"));
        for (int i = 0; i < Math.min(show, Math.max(before.size(), after.size())); i++) {
            String left = i < before.size() ? cut(track(before.get(i)), LABEL_WIDTH) : "";
            String right = i < after.size() ? cut(track(after.get(i)), LABEL_WIDTH) : "";
            line(String.format("  %3d. %-" + LABEL_WIDTH + "s %s", i + 1, left, right));
        }
        if (spread) {
            ArtistSpreadMetrics b = ArtistSpreadMetrics.of(known(before));
            ArtistSpreadMetrics a = ArtistSpreadMetrics.of(known(after));
            line("  same-artist neighbours: " + b.adjacentPairs() + " before, " + a.adjacentPairs()
                    + " after (the fewest possible: " + a.adjacencyFloor() + ")");
        }
    }

    private List<Track> known(List<String> uris) {
        return uris.stream().map(u -> tracks.track(u).orElseGet(() -> Track.ofUri(u))).toList();
    }

    private void list(String prefix, List<String> uris) {
        for (int i = 0; i < Math.min(show, uris.size()); i++) {
            line(prefix + track(uris.get(i)));
        }
        if (uris.size() > show) {
            line(prefix.replace('+', ' ').replace('-', ' ') + "… and " + (uris.size() - show) + " more");
        }
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
