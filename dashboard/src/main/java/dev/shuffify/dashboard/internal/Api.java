package dev.shuffify.dashboard.internal;

import dev.shuffify.dashboard.DashboardUser;
import dev.shuffify.dashboard.internal.Views.ChangeView;
import dev.shuffify.dashboard.internal.Views.DayView;
import dev.shuffify.dashboard.internal.Views.ExecutionView;
import dev.shuffify.dashboard.internal.Views.HealthView;
import dev.shuffify.dashboard.internal.Views.HistoryView;
import dev.shuffify.dashboard.internal.Views.PreviewView;
import dev.shuffify.dashboard.internal.Views.RunView;
import dev.shuffify.dashboard.internal.Views.ScheduleList;
import dev.shuffify.dashboard.internal.Views.ScheduleView;
import dev.shuffify.dashboard.internal.Views.SessionView;
import dev.shuffify.dashboard.internal.Views.TrackView;
import dev.shuffify.error.JobExecutionException;
import dev.shuffify.model.Execution;
import dev.shuffify.model.Health;
import dev.shuffify.model.PlannedChange;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.Preview;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.model.Track;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The JSON API's answers, over {@link Backend}. */
final class Api {

    private static final int HISTORY_LIMIT = 500;

    /** An answer to one call. */
    @FunctionalInterface
    interface Handler {
        Object answer(DashboardUser who, Map<String, String> query);
    }

    /** A matched call: the method it takes and its handler. */
    record Route(String method, Handler handler) {
    }

    /** Answers 404. */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    /** Answers 403. */
    static final class Forbidden extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Forbidden(String message) {
            super(message);
        }
    }

    private final Backend backend;
    private final Csrf csrf;
    private final PlaylistAnswers playlists;

    Api(Backend backend, Csrf csrf) {
        this.backend = backend;
        this.csrf = csrf;
        this.playlists = new PlaylistAnswers(backend);
    }

    Optional<Route> route(List<String> s) {
        int n = s.size();
        if (n == 1) {
            return switch (s.get(0)) {
                case "session" -> get((who, q) -> new SessionView(who.id(), who.operator(), csrf.token(who),
                        backend.readsPlaylists()));
                case "schedules" -> get(this::schedules);
                case "playlists" -> get(playlists::playlists);
                case "health" -> get(this::health);
                default -> Optional.empty();
            };
        }
        if (n == 2 && s.get(0).equals("schedules")) {
            String id = s.get(1);
            return get((who, q) -> view(state(who, id)));
        }
        if (n == 3 && s.get(0).equals("schedules")) {
            String id = s.get(1);
            return switch (s.get(2)) {
                case "history" -> get((who, q) -> history(who, id, q));
                case "preview" -> get((who, q) -> preview(who, id));
                case "spread" -> get((who, q) -> playlists.spread(who, schedule(who, id)));
                case "run" -> post((who, q) -> run(who, id));
                case "pause" -> post((who, q) -> view(new ScheduleState(
                        backend.setEnabled(who, schedule(who, id), false), null, null)));
                case "resume" -> post((who, q) -> view(new ScheduleState(
                        backend.setEnabled(who, schedule(who, id), true), null, null)));
                default -> Optional.empty();
            };
        }
        if (n == 3 && s.get(0).equals("playlists") && s.get(2).equals("snapshots")) {
            String playlistId = s.get(1);
            return get((who, q) -> playlists.snapshots(who, playlistId, q.get("user")));
        }
        if (n == 3 && s.get(0).equals("snapshots")) {
            String id = s.get(1);
            return switch (s.get(2)) {
                case "restore-plan" -> get((who, q) -> playlists.restorePlan(playlists.snapshot(who, id)));
                case "restore" -> post((who, q) -> playlists.restore(playlists.snapshot(who, id)));
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private static Optional<Route> get(Handler h) {
        return Optional.of(new Route("GET", h));
    }

    private static Optional<Route> post(Handler h) {
        return Optional.of(new Route("POST", h));
    }

    // ------------------------------------------------------------------ schedules

    private Schedule schedule(DashboardUser who, String id) {
        return backend.schedule(who, id).orElseThrow(() -> new NotFound("no schedule '" + id + "'"));
    }

    private ScheduleState state(DashboardUser who, String id) {
        Schedule s = schedule(who, id);
        return backend.schedules(who).stream().filter(x -> x.schedule().id().equals(id)).findFirst()
                .orElse(new ScheduleState(s, null, null));
    }

    private ScheduleList schedules(DashboardUser who, Map<String, String> q) {
        List<ScheduleState> all = backend.schedules(who);
        List<String> types = all.stream().map(x -> x.schedule().jobType()).distinct().sorted().toList();
        List<String> users = who.operator()
                ? all.stream().map(x -> x.schedule().userId()).distinct().sorted().toList() : List.of(who.id());
        String type = blankToNull(q.get("jobType"));
        String status = blankToNull(q.get("status"));
        String stateFilter = blankToNull(q.get("state"));
        String user = blankToNull(q.get("user"));
        String text = blankToNull(q.get("q"));
        List<ScheduleView> views = new ArrayList<>();
        for (ScheduleState st : all) {
            ScheduleView v = view(st);
            if (type != null && !type.equals(v.jobType())
                    || status != null && !status.equals(v.lastStatus() == null ? "never" : v.lastStatus())
                    || stateFilter != null && !stateFilter.equals(v.state())
                    || user != null && !user.equals(v.userId())
                    || text != null && !contains(v.targetName(), text) && !contains(v.targetId(), text)
                            && !contains(v.jobType(), text)) {
                continue;
            }
            views.add(v);
        }
        views.sort(Comparator.comparing(ScheduleView::userId).thenComparing(ScheduleView::createdAt)
                .thenComparing(ScheduleView::id));
        return new ScheduleList(views, types, users);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static ScheduleView view(ScheduleState st) {
        Schedule s = st.schedule();
        String state = st.running() ? "running" : s.enabled() ? "active" : "paused";
        return new ScheduleView(s.id(), s.userId(), s.jobType(),
                s.job().target() == null ? null : s.job().target().id(),
                s.job().target() == null ? null : s.job().target().name(),
                s.trigger().describe(), s.job().algorithm(), state, s.enabled(), st.runningOn(), iso(s.nextRunAt()),
                iso(s.lastRunAt()), s.lastStatus() == null ? null : s.lastStatus().wireName(), s.lastError(),
                iso(s.createdAt()));
    }

    private HistoryView history(DashboardUser who, String id, Map<String, String> q) {
        ScheduleState st = state(who, id);
        int limit = HISTORY_LIMIT;
        if (q.containsKey("limit")) {
            try {
                limit = Math.max(1, Math.min(HISTORY_LIMIT, Integer.parseInt(q.get("limit"))));
            } catch (NumberFormatException e) {
                throw new dev.shuffify.error.ValidationException("limit", "must be a number, was '" + q.get("limit")
                        + "'");
            }
        }
        List<Execution> runs = backend.history(st.schedule(), limit);
        Map<String, Map<String, Long>> perDay = new TreeMap<>();
        for (Execution e : runs) {
            String day = e.startedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
            perDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(e.status().wireName(), 1L, Long::sum);
        }
        List<DayView> days = new ArrayList<>();
        perDay.forEach((d, c) -> days.add(new DayView(d, c)));
        return new HistoryView(view(st), runs.stream().map(Api::view).toList(), days);
    }

    static ExecutionView view(Execution e) {
        return new ExecutionView(e.id(), e.scheduleId(), e.status().wireName(),
                e.triggerSource().name().toLowerCase(Locale.ROOT), e.attempt(), iso(e.startedAt()),
                iso(e.completedAt()), e.duration().map(Duration::toMillis).orElse(null), e.tracksAdded(),
                e.tracksRemoved(), e.tracksTotal(), e.errorMessage(), e.warnings());
    }

    private PreviewView preview(DashboardUser who, String id) {
        Schedule s = schedule(who, id);
        Preview p = backend.preview(s);
        String target = s.job().target() == null ? null : s.job().target().id();
        Optional<Playlist> now = target == null ? Optional.empty() : backend.playlistNow(s.userId(), target);
        Map<String, Track> known = PlaylistAnswers.tracks(now);
        List<TrackView> adds = new ArrayList<>();
        List<TrackView> removes = new ArrayList<>();
        List<ChangeView> changes = new ArrayList<>();
        for (PlannedChange c : p.changes()) {
            changes.add(new ChangeView(c.operation().name().toLowerCase(Locale.ROOT), c.playlistId(), c.uris().size(),
                    c.position(), c.rangeLength(), c.insertBefore()));
        }
        if (target != null) {
            p.adds(target).forEach(u -> adds.add(PlaylistAnswers.track(u, known)));
            p.removes(target).forEach(u -> removes.add(PlaylistAnswers.track(u, known)));
        }
        List<TrackView> order = null;
        if (now.isPresent()) {
            List<String> uris = new ArrayList<>(now.get().uris());
            for (PlannedChange c : p.changes()) {
                if (c.playlistId().equals(target)) {
                    apply(uris, c);
                }
            }
            order = uris.stream().map(u -> PlaylistAnswers.track(u, known)).toList();
        }
        return new PreviewView(s.id(), p.result().tracksAdded(), p.result().tracksRemoved(),
                p.result().tracksTotal(), p.result().warnings(), changes, adds, removes, order);
    }

    /** Applies one planned write to an order of uris, as the service would. */
    static void apply(List<String> uris, PlannedChange c) {
        switch (c.operation()) {
            case ADD -> {
                int at = c.position() == null ? uris.size() : Math.max(0, Math.min(uris.size(), c.position()));
                uris.addAll(at, c.uris());
            }
            case REMOVE -> uris.removeIf(c.uris()::contains);
            case REPLACE -> {
                uris.clear();
                uris.addAll(c.uris());
            }
            case REORDER -> {
                int start = c.position() == null ? 0 : c.position();
                int len = c.rangeLength();
                if (start < 0 || len <= 0 || start + len > uris.size()) {
                    return;
                }
                List<String> moved = new ArrayList<>(uris.subList(start, start + len));
                uris.subList(start, start + len).clear();
                int before = c.insertBefore() > start ? c.insertBefore() - len : c.insertBefore();
                uris.addAll(Math.max(0, Math.min(uris.size(), before)), moved);
            }
            default -> {
            }
        }
    }

    private RunView run(DashboardUser who, String id) {
        Schedule s = schedule(who, id);
        try {
            return new RunView(true, view(backend.runNow(s)), null);
        } catch (JobExecutionException e) {
            ExecutionView ev = backend.history(s, 5).stream().filter(x -> x.id().equals(e.executionId()))
                    .findFirst().map(Api::view).orElse(null);
            return new RunView(false, ev, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ health

    private HealthView health(DashboardUser who, Map<String, String> q) {
        if (!who.operator()) {
            throw new Forbidden("the scheduler's health is for operators");
        }
        Health h = backend.health();
        Map<String, Long> accounts = new LinkedHashMap<>();
        h.accounts().forEach((k, v) -> accounts.put(k.name().toLowerCase(Locale.ROOT), v));
        Map<String, Long> executions = new LinkedHashMap<>();
        backend.executionCounts().forEach((k, v) -> executions.put(k.wireName(), v));
        var budget = backend.rateBudget();
        return new HealthView(iso(h.checkedAt()), h.storeUp(), h.storeError(), h.storeLatency().toMillis(),
                h.schedulerRunning(), iso(h.lastPollAt()),
                h.lastPollAt() == null ? null : h.lastPollAge().toSeconds(), h.dueSchedules(), iso(h.oldestDueAt()),
                h.oldestDueAt() == null ? null : h.oldestDueAge().toSeconds(), h.claimsHeld(), accounts, executions,
                budget.map(b -> b.inWindow()).orElse(null), budget.map(b -> b.budget()).orElse(null));
    }

    // ------------------------------------------------------------------ helpers

    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
