package dev.shuffify.dashboard.internal;

import dev.shuffify.dashboard.DashboardUser;
import dev.shuffify.dashboard.internal.Views.ChangeSummary;
import dev.shuffify.dashboard.internal.Views.PlaylistList;
import dev.shuffify.dashboard.internal.Views.PlaylistView;
import dev.shuffify.dashboard.internal.Views.RestorePlanView;
import dev.shuffify.dashboard.internal.Views.RestoreView;
import dev.shuffify.dashboard.internal.Views.SnapshotList;
import dev.shuffify.dashboard.internal.Views.SnapshotView;
import dev.shuffify.dashboard.internal.Views.SpreadEntry;
import dev.shuffify.dashboard.internal.Views.SpreadRow;
import dev.shuffify.dashboard.internal.Views.SpreadView;
import dev.shuffify.dashboard.internal.Views.TrackView;
import dev.shuffify.model.Execution;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.RestoreResult;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.Track;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The JSON API's answers about playlists: their snapshots, a restore and its plan, a shuffle's artist spread. */
final class PlaylistAnswers {

    private final Backend backend;

    PlaylistAnswers(Backend backend) {
        this.backend = backend;
    }

    PlaylistList playlists(DashboardUser who, Map<String, String> q) {
        Map<String, PlaylistView> out = new LinkedHashMap<>();
        for (ScheduleState st : backend.schedules(who)) {
            Schedule s = st.schedule();
            if (s.job().target() == null) {
                continue;
            }
            String key = s.userId() + "\u0000" + s.job().target().id();
            PlaylistView old = out.get(key);
            out.put(key, new PlaylistView(s.job().target().id(), s.job().target().name(), s.userId(),
                    old == null ? 1 : old.schedules() + 1));
        }
        return new PlaylistList(List.copyOf(out.values()));
    }

    SnapshotList snapshots(DashboardUser who, String playlistId, String user) {
        String owner = user == null || user.isBlank() ? who.id() : user;
        if (!who.operator() && !owner.equals(who.id())) {
            throw new Api.NotFound("no playlist '" + playlistId + "'");
        }
        List<Snapshot> snaps = backend.snapshots(owner, playlistId);
        Optional<Playlist> now = snaps.isEmpty() ? Optional.empty() : safeNow(owner, playlistId);
        List<SnapshotView> views = new ArrayList<>();
        for (int i = 0; i < snaps.size(); i++) {
            Snapshot s = snaps.get(i);
            ChangeSummary after = null;
            if (i > 0) {
                after = summary(s.uris(), snaps.get(i - 1).uris(), "next snapshot");
            } else if (now.isPresent()) {
                after = summary(s.uris(), now.get().uris(), "playlist now");
            }
            views.add(view(s, after));
        }
        String name = snaps.isEmpty() ? now.map(Playlist::name).orElse(playlistId) : snaps.get(0).playlistName();
        return new SnapshotList(playlistId, name, owner, views);
    }

    private Optional<Playlist> safeNow(String owner, String playlistId) {
        try {
            return backend.playlistNow(owner, playlistId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static SnapshotView view(Snapshot s, ChangeSummary after) {
        return new SnapshotView(s.id(), s.userId(), s.playlistId(), s.playlistName(),
                s.type().name().toLowerCase(Locale.ROOT), s.trigger(), Api.iso(s.createdAt()), s.size(), after);
    }

    static ChangeSummary summary(List<String> from, List<String> to, String comparedWith) {
        Map<String, Integer> left = counts(from);
        Map<String, Integer> right = counts(to);
        int added = 0;
        int removed = 0;
        for (Map.Entry<String, Integer> e : right.entrySet()) {
            added += Math.max(0, e.getValue() - left.getOrDefault(e.getKey(), 0));
        }
        for (Map.Entry<String, Integer> e : left.entrySet()) {
            removed += Math.max(0, e.getValue() - right.getOrDefault(e.getKey(), 0));
        }
        List<String> keptFrom = from.stream().filter(right::containsKey).toList();
        List<String> keptTo = to.stream().filter(left::containsKey).toList();
        return new ChangeSummary(added, removed, !keptFrom.equals(keptTo), comparedWith);
    }

    private static Map<String, Integer> counts(List<String> uris) {
        Map<String, Integer> m = new HashMap<>();
        uris.forEach(u -> m.merge(u, 1, Integer::sum));
        return m;
    }

    Snapshot snapshot(DashboardUser who, String id) {
        return backend.snapshot(who, id).orElseThrow(() -> new Api.NotFound("no snapshot '" + id + "'"));
    }

    RestorePlanView restorePlan(Snapshot s) {
        Optional<Playlist> now = backend.playlistNow(s.userId(), s.playlistId());
        List<String> current;
        String basis;
        if (now.isPresent()) {
            current = now.get().uris();
            basis = "playlist";
        } else {
            List<Snapshot> all = backend.snapshots(s.userId(), s.playlistId());
            current = all.isEmpty() ? s.uris() : all.get(0).uris();
            basis = "newest_snapshot";
        }
        Map<String, Track> known = tracks(now);
        Map<String, Integer> have = counts(current);
        Map<String, Integer> want = counts(s.uris());
        List<TrackView> adds = new ArrayList<>();
        List<TrackView> removes = new ArrayList<>();
        for (String u : new LinkedHashSet<>(s.uris())) {
            for (int i = have.getOrDefault(u, 0); i < want.get(u); i++) {
                adds.add(track(u, known));
            }
        }
        for (String u : new LinkedHashSet<>(current)) {
            for (int i = want.getOrDefault(u, 0); i < have.get(u); i++) {
                removes.add(track(u, known));
            }
        }
        List<String> keptNow = current.stream().filter(want::containsKey).toList();
        List<String> keptThen = s.uris().stream().filter(have::containsKey).toList();
        int moved = 0;
        for (int i = 0; i < Math.min(keptNow.size(), keptThen.size()); i++) {
            if (!keptNow.get(i).equals(keptThen.get(i))) {
                moved++;
            }
        }
        return new RestorePlanView(s.id(), s.playlistId(), s.playlistName(), basis, current.size(), s.size(), adds,
                removes, moved > 0, moved);
    }

    RestoreView restore(Snapshot s) {
        RestoreResult r = backend.restore(s);
        return new RestoreView(s.id(), r.playlistId(), r.safety().id(), r.complete(), r.notRestored(),
                r.notRemoved(), r.writeCalls());
    }

    SpreadView spread(DashboardUser who, Schedule s) {
        String id = s.id();
        if (!s.jobType().contains("shuffle") || s.job().target() == null) {
            throw new Api.NotFound("schedule '" + id + "' is not a shuffle");
        }
        String playlist = s.job().target().id();
        Optional<Playlist> now = backend.playlistNow(s.userId(), playlist);
        if (now.isEmpty()) {
            return new SpreadView(s.id(), false, "the dashboard reads no playlists (Dashboard.Builder.connector)",
                    null, playlist, null, null);
        }
        Optional<Execution> last = backend.history(s, 50).stream()
                .filter(e -> e.status().wireName().equals("success")).findFirst();
        if (last.isEmpty()) {
            return new SpreadView(s.id(), false, "no successful run yet", null, playlist, null, null);
        }
        Execution run = last.get();
        List<Snapshot> snaps = new ArrayList<>(backend.snapshots(s.userId(), playlist));
        snaps.sort(Comparator.comparing(Snapshot::createdAt));
        Instant end = run.completedAt() == null ? run.startedAt() : run.completedAt();
        Optional<Snapshot> first = snaps.stream().filter(x -> !x.createdAt().isBefore(run.startedAt())
                && !x.createdAt().isAfter(end)).findFirst();
        if (first.isEmpty()) {
            return new SpreadView(s.id(), false, "the last shuffle changed nothing, so no snapshot was taken",
                    run.id(), playlist, null, null);
        }
        Snapshot before = first.get();
        Optional<Snapshot> afterSnap = snaps.stream().filter(x -> x.createdAt().isAfter(end)).findFirst();
        Map<String, Track> known = tracks(now);
        SpreadRow b = row("before", before.createdAt(), before.uris(), known);
        SpreadRow a = afterSnap.map(x -> row("after", x.createdAt(), x.uris(), known))
                .orElseGet(() -> row("after", backend.now(), now.get().uris(), known));
        return new SpreadView(s.id(), true, null, run.id(), playlist, b, a);
    }

    private static SpreadRow row(String label, Instant at, List<String> uris, Map<String, Track> known) {
        List<SpreadEntry> entries = new ArrayList<>();
        String previous = null;
        int same = 0;
        LinkedHashSet<String> artists = new LinkedHashSet<>();
        for (String u : uris) {
            Track t = known.get(u);
            String artist = t == null || t.artists().isEmpty() ? "?" : t.artists().get(0).name();
            boolean repeat = artist.equals(previous) && !artist.equals("?");
            if (repeat) {
                same++;
            }
            artists.add(artist);
            entries.add(new SpreadEntry(artist, repeat));
            previous = artist;
        }
        return new SpreadRow(label, Api.iso(at), entries, same, artists.size());
    }

    static Map<String, Track> tracks(Optional<Playlist> playlist) {
        Map<String, Track> m = new HashMap<>();
        playlist.ifPresent(p -> p.items().forEach(t -> m.putIfAbsent(t.uri(), t)));
        return m;
    }

    static TrackView track(String uri, Map<String, Track> known) {
        Track t = known.get(uri);
        if (t == null) {
            return new TrackView(uri, null, null);
        }
        return new TrackView(uri, t.name(), t.artists().isEmpty() ? null : t.artists().get(0).name());
    }
}
