package dev.shuffify.internal.engine;

import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Membership;
import dev.shuffify.model.Pin;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.Schedule;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.MembershipHistory;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.PluginLookup;
import dev.shuffify.spi.RequestBudget;
import dev.shuffify.spi.WritePlan;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.random.RandomGenerator;

/** The engine's {@link JobContext}. */
final class EngineJobContext implements JobContext {

    /** Receives progress lines. */
    @FunctionalInterface
    interface ProgressSink {
        void progress(Schedule schedule, String executionId, String message);
    }

    private final Schedule schedule;
    private final String executionId;
    private final Params params;
    private final TrackingPlaylistService playlists;
    private final EngineConfig config;
    private final RandomGenerator random;
    private final boolean dryRun;
    private final ProgressSink progress;

    EngineJobContext(Schedule schedule, String executionId, Params params, TrackingPlaylistService playlists,
            EngineConfig config, RandomGenerator random, boolean dryRun, ProgressSink progress) {
        this.schedule = schedule;
        this.executionId = executionId;
        this.params = params;
        this.playlists = playlists;
        this.config = config;
        this.random = random;
        this.dryRun = dryRun;
        this.progress = progress;
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public String executionId() {
        return executionId;
    }

    @Override
    public PlaylistService playlists() {
        return playlists;
    }

    @Override
    public PluginLookup plugins() {
        return config.jobTypes().registry();
    }

    @Override
    public Optional<PlaylistPair> pair(String productionPlaylistId) {
        return config.store().pairs().find(schedule.userId(), productionPlaylistId);
    }

    @Override
    public MembershipHistory membership() {
        return new MembershipHistory() {
            @Override
            public Map<String, Instant> firstSeen(String playlistId) {
                Map<String, Instant> out = new LinkedHashMap<>();
                for (Membership m : config.store().membership().find(playlistId).values()) {
                    if (m.isPresent()) {
                        out.put(m.uri(), m.firstSeenAt());
                    }
                }
                return out;
            }

            @Override
            public Optional<Instant> leftAt(String playlistId, String uri) {
                return Optional.ofNullable(config.store().membership().find(playlistId).get(uri))
                        .map(Membership::leftAt);
            }
        };
    }

    @Override
    public List<Pin> pins(String playlistId) {
        Instant now = config.clock().instant();
        return config.store().pins().listByPlaylist(schedule.userId(), playlistId).stream()
                .filter(p -> p.isActive(now)).toList();
    }

    @Override
    public void snapshotBeforeMutation(String playlistId) {
        playlists.ensurePreImage(playlistId);
    }

    @Override
    public void appendTracks(String playlistId, List<String> uris) {
        playlists.appendLater(playlistId, uris);
    }

    @Override
    public void planWrites(WritePlan plan) {
        Objects.requireNonNull(plan, "plan");
        Optional<RequestBudget> budget = playlists.requestBudget();
        if (budget.isEmpty()) {
            return;
        }
        Set<String> replaced = plan.edits().stream().filter(e -> e.kind() == WritePlan.Kind.REPLACE)
                .map(WritePlan.Edit::playlistId).collect(Collectors.toSet());
        WriteEstimate.check(schedule.jobType(), plan, playlists.heldCalls(replaced), budget.get(),
                config.clock().instant(), playlists.changes().size()).ifPresent(this::progress);
    }

    /** Sends the appends a step left to be sent later (after the last step; see {@link #appendTracks}). */
    void sendHeldAppends() {
        playlists.sendPending();
    }

    @Override
    public Clock clock() {
        return config.clock();
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public Optional<Instant> lastSuccessAt() {
        if (schedule.lastStatus() == ExecutionStatus.SUCCESS) {
            return Optional.ofNullable(schedule.lastRunAt());
        }
        return config.store().executions().listBySchedule(schedule.id(), 50).stream()
                .filter(e -> e.status() == ExecutionStatus.SUCCESS && e.completedAt() != null)
                .map(e -> e.completedAt()).findFirst();
    }

    @Override
    public boolean isRetry() {
        ExecutionStatus last = schedule.lastStatus();
        if (last == null) {
            return false;
        }
        if (last != ExecutionStatus.SKIPPED) {
            return last != ExecutionStatus.SUCCESS;
        }
        return config.store().executions().listBySchedule(schedule.id(), 50).stream()
                .filter(e -> !e.id().equals(executionId) && e.status().isFinal()
                        && e.status() != ExecutionStatus.SKIPPED)
                .findFirst().map(e -> e.status() != ExecutionStatus.SUCCESS).orElse(false);
    }

    @Override
    public boolean isDryRun() {
        return dryRun;
    }

    @Override
    public void progress(String message) {
        progress.progress(schedule, executionId, message);
    }
}
