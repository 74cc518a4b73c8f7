package dev.shuffify;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.PluginException;
import dev.shuffify.error.ShuffifyException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.event.JobListener;
import dev.shuffify.model.Health;
import dev.shuffify.spi.PluginDescriptor;
import dev.shuffify.internal.engine.EngineConfig;
import dev.shuffify.internal.engine.ExecutionEngine;
import dev.shuffify.internal.engine.JobTypes;
import dev.shuffify.internal.engine.PlaylistRestore;
import dev.shuffify.internal.plugins.PluginRegistry;
import dev.shuffify.internal.scheduler.JobRunner;
import dev.shuffify.internal.scheduler.Scheduler;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Activity;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Pin;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.PlaylistRef;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Preview;
import dev.shuffify.model.RotationStatus;
import dev.shuffify.model.RestoreResult;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.model.UserSettings;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.spi.RateBudgetUsage;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.store.DueBacklog;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's facade: schedules, execution, previews, history, snapshots, playlist pairs, pins and settings
 * for the users of a host application.
 *
 * <p>Build one per application with {@link #builder()} and share it; it is thread-safe. Job types, shuffle
 * algorithms and discovery strategies are found with {@link java.util.ServiceLoader} on the configured class
 * loader and can also be registered by hand.
 *
 * <pre>{@code
 * Shuffify shuffify = Shuffify.builder()
 *         .store(store)                 // default: in memory
 *         .connector(spotifyConnector)  // how to reach a user's music account
 *         .build();
 * Schedule s = shuffify.createSchedule("alice", ScheduleDefinition.of(
 *         JobSpec.builder("shuffle").target("37i9dQZF1DX0XUsuxWHRQd", "Mix").algorithm("balanced").build(),
 *         Trigger.named("daily")));
 * Execution e = shuffify.executeNow(s.id(), "alice");
 * }</pre>
 *
 * <p>Every method that takes a user id checks ownership: another user's schedule, snapshot or pair is
 * reported as not found, never as forbidden.
 *
 * @since 0.1.0
 */
public final class Shuffify implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Shuffify.class);

    private final ShuffifyStore store;
    private final boolean ownsStore;
    private final Clock clock;
    private final Supplier<String> ids;
    private final PluginRegistry registry;
    private final JobTypes jobTypes;
    private final ExecutionEngine engine;
    private final SchedulerOptions schedulerOptions;
    private final Scheduler scheduler;
    private final PlaylistServiceConnector connector;
    /** The listeners the engine notifies: the builder's, then those added later. */
    private final List<JobListener> listeners;

    private Shuffify(Builder b) {
        this.store = b.store != null ? b.store : new InMemoryShuffifyStore();
        this.ownsStore = b.store == null;
        this.clock = b.clock;
        this.ids = b.ids;
        List<ClassLoader> loaders = new ArrayList<>();
        if (b.autoDiscovery) {
            if (b.classLoader != null) {
                loaders.add(b.classLoader);
            } else {
                ClassLoader context = Thread.currentThread().getContextClassLoader();
                if (context != null) {
                    loaders.add(context);
                }
                loaders.add(Shuffify.class.getClassLoader());
            }
        }
        this.registry = PluginRegistry.build(loaders, b.lenientPlugins, b.jobTypes, b.algorithms, b.strategies);
        this.jobTypes = new JobTypes(registry, b.chains);
        Function<String, RandomGenerator> randoms = b.seed == null
                ? id -> new SplittableRandom()
                : id -> new SplittableRandom(b.seed * 0x9E3779B97F4A7C15L + id.hashCode());
        this.connector = b.connector;
        this.listeners = new CopyOnWriteArrayList<>(b.listeners);
        this.engine = new ExecutionEngine(new EngineConfig(store, b.connector, jobTypes, clock, randoms, ids,
                listeners));
        this.schedulerOptions = b.scheduler;
        this.scheduler = new Scheduler(store, JobRunner.of(engine), b.scheduler.config(), clock,
                b.seed == null ? new SplittableRandom() : new SplittableRandom(b.seed), null);
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ schedules

    /**
     * Creates a schedule after validating it completely: job type known, target present, trigger valid, and
     * every parameter checked by the job type's executor (and algorithm / discovery strategies). Nothing is
     * stored when validation fails.
     *
     * @param userId the owner
     * @param definition what to run and when
     * @return the stored schedule, with its first {@code nextRunAt}
     * @throws ValidationException naming every offending field and what is allowed
     */
    public Schedule createSchedule(String userId, ScheduleDefinition definition) {
        requireUser(userId);
        Objects.requireNonNull(definition, "definition");
        jobTypes.validate(definition.job());
        Instant now = clock.instant();
        Schedule schedule = new Schedule(ids.get(), userId, definition.job(), definition.trigger(),
                definition.enabled(), definition.verifyWrites(), definition.misfirePolicy(), now, now, null, null,
                null, scheduler.nextRun().first(definition.trigger(), definition.enabled(), now));
        store.schedules().save(schedule);
        logActivity(userId, ActivityType.SCHEDULE_CREATED, "created a " + schedule.jobType() + " schedule",
                Map.of("scheduleId", schedule.id()));
        return schedule;
    }

    /**
     * Replaces a schedule's definition after validating it; its history stays. The next run is recomputed
     * from the new trigger.
     *
     * @param scheduleId the schedule
     * @param userId its owner
     * @param definition the new definition
     * @return the stored schedule
     * @throws NotFoundException when the user has no such schedule
     * @throws ValidationException naming every offending field; nothing is changed
     */
    public Schedule updateSchedule(String scheduleId, String userId, ScheduleDefinition definition) {
        Schedule current = getSchedule(scheduleId, userId);
        Objects.requireNonNull(definition, "definition");
        jobTypes.validate(definition.job());
        Instant now = clock.instant();
        Schedule updated = new Schedule(current.id(), userId, definition.job(), definition.trigger(),
                definition.enabled(), definition.verifyWrites(), definition.misfirePolicy(), current.createdAt(),
                now, current.lastRunAt(), current.lastStatus(), current.lastError(),
                scheduler.nextRun().first(definition.trigger(), definition.enabled(), now));
        store.schedules().save(updated);
        logActivity(userId, ActivityType.SCHEDULE_UPDATED, "updated a " + updated.jobType() + " schedule",
                Map.of("scheduleId", updated.id()));
        return updated;
    }

    /**
     * Pauses or resumes a schedule. Resuming keeps a next run still in the future and otherwise takes the
     * trigger's next slot after now, with the scheduler's jitter (missed slots are not replayed).
     *
     * @param scheduleId the schedule
     * @param userId its owner
     * @param enabled true to resume, false to pause
     * @return the stored schedule
     * @throws NotFoundException when the user has no such schedule
     */
    public Schedule setEnabled(String scheduleId, String userId, boolean enabled) {
        Schedule current = getSchedule(scheduleId, userId);
        Instant now = clock.instant();
        Schedule updated = current.withEnabled(enabled, now)
                .withNextRunAt(enabled ? scheduler.nextRun().resumed(current, now) : null);
        store.schedules().save(updated);
        return updated;
    }

    /**
     * Deletes a schedule; its executions stay in the history until pruned.
     *
     * @param scheduleId the schedule
     * @param userId its owner
     * @throws NotFoundException when the user has no such schedule
     */
    public void deleteSchedule(String scheduleId, String userId) {
        Schedule current = getSchedule(scheduleId, userId);
        store.schedules().delete(current.id());
        logActivity(userId, ActivityType.SCHEDULE_DELETED, "deleted a " + current.jobType() + " schedule",
                Map.of("scheduleId", current.id()));
    }

    /**
     * A user's schedule.
     *
     * @param scheduleId the schedule
     * @param userId its owner
     * @return the schedule
     * @throws NotFoundException when the user has no such schedule (also when it belongs to someone else)
     */
    public Schedule getSchedule(String scheduleId, String userId) {
        requireUser(userId);
        return store.schedules().find(scheduleId).filter(s -> s.userId().equals(userId))
                .orElseThrow(() -> new NotFoundException("schedule", scheduleId));
    }

    /**
     * A user's schedules, oldest first.
     *
     * @param userId the owner
     * @return the schedules
     */
    public List<Schedule> listSchedules(String userId) {
        requireUser(userId);
        return store.schedules().listByUser(userId);
    }

    // ------------------------------------------------------------------ execution

    /**
     * The scheduler's entry point: runs a schedule and records the outcome. Never throws; a missing schedule
     * is logged and a disabled one skipped (both give an empty result).
     *
     * @param scheduleId the schedule
     * @return the recorded execution, or empty when nothing ran
     */
    public Optional<Execution> execute(String scheduleId) {
        return engine.execute(scheduleId, TriggerSource.SCHEDULER, 1);
    }

    /**
     * A user's "run now": runs the schedule synchronously (even when it is paused) and returns the outcome.
     *
     * @param scheduleId the schedule
     * @param userId its owner
     * @return the successful execution
     * @throws NotFoundException when the user has no such schedule
     * @throws JobExecutionException when the run did not succeed; carries the execution id and the last error
     */
    public Execution executeNow(String scheduleId, String userId) {
        Schedule schedule = getSchedule(scheduleId, userId);
        Execution done = engine.run(schedule, TriggerSource.MANUAL, 1);
        if (done.status() != ExecutionStatus.SUCCESS) {
            String error = done.errorMessage() != null ? done.errorMessage() : done.status().wireName();
            throw new JobExecutionException(error, null, done.id());
        }
        return done;
    }

    /**
     * A dry run: the job runs against a recording wrapper of the music service; nothing is written and nothing
     * is recorded. The result lists the intended adds, removes and reorders.
     *
     * @param scheduleId the schedule
     * @param userId its owner
     * @return what the job would do
     * @throws NotFoundException when the user has no such schedule
     * @throws JobExecutionException when the job would fail
     */
    public Preview preview(String scheduleId, String userId) {
        return engine.preview(getSchedule(scheduleId, userId));
    }

    /**
     * A schedule's executions, newest first.
     *
     * @param scheduleId the schedule
     * @param userId its owner
     * @param limit the most to return (at least 1)
     * @return the executions
     * @throws NotFoundException when the user has no such schedule
     */
    public List<Execution> history(String scheduleId, String userId, int limit) {
        requirePositive(limit, "limit");
        getSchedule(scheduleId, userId);
        return store.executions().listBySchedule(scheduleId, limit);
    }

    /**
     * How many executions the store holds per status, across all users.
     *
     * @return counts per status (statuses with none are absent)
     */
    public Map<ExecutionStatus, Long> executionCounts() {
        return store.executions().countByStatus();
    }

    // ------------------------------------------------------------------ snapshots

    /**
     * A playlist's snapshots, newest first.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @return the snapshots
     */
    public List<Snapshot> snapshots(String userId, String playlistId) {
        requireUser(userId);
        return store.snapshots().listByPlaylist(userId, playlistId);
    }

    /**
     * Takes a manual snapshot of one of the user's playlists.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @return the stored snapshot
     * @throws PlaylistNotFoundException when the playlist does not exist
     */
    public Snapshot takeSnapshot(String userId, String playlistId) {
        requireUser(userId);
        Playlist playlist = engine.connect(userId).playlist(playlistId);
        return engine.storeSnapshot(userId, playlist, SnapshotType.MANUAL, "manual");
    }

    /**
     * Writes a snapshot back to its playlist, after taking an {@code auto_pre_restore} snapshot of the
     * current state (so a restore can itself be undone).
     *
     * <p>The restore never truncates: it moves the entries that stay into the snapshot's order, inserts the
     * missing ones and removes the extra ones, in the fewest calls, and never writes a local file or an
     * unavailable entry (the service refuses them). A snapshot entry of that kind that is no longer in the
     * playlist cannot be brought back: the result names it ({@link RestoreResult#notRestored()}), and every
     * other entry is restored around it.
     *
     * @param snapshotId the snapshot
     * @param userId its owner
     * @return what the restore did, with the {@code auto_pre_restore} snapshot taken first
     * @throws NotFoundException when the user has no such snapshot
     * @throws ValidationException when the playlist is no longer the user's own (nothing is written)
     * @throws ShuffifyException when a job is running on the playlist, or the service fails
     */
    public RestoreResult restoreSnapshot(String snapshotId, String userId) {
        requireUser(userId);
        Snapshot snapshot = store.snapshots().find(snapshotId).filter(s -> s.userId().equals(userId))
                .orElseThrow(() -> new NotFoundException("snapshot", snapshotId));
        PlaylistService service = engine.connect(userId);
        RestoreResult result = engine.withPlaylistLock(snapshot.playlistId(), () -> {
            Playlist current = service.playlist(snapshot.playlistId());
            if (current.ownerId() != null && !current.ownerId().equals(service.currentUserId())) {
                throw new ValidationException("snapshot", "playlist '" + snapshot.playlistId()
                        + "' is no longer the user's own; it cannot be restored");
            }
            Snapshot pre = engine.storeSnapshot(userId, current, SnapshotType.AUTO_PRE_RESTORE,
                    "before restoring snapshot " + snapshot.id());
            PlaylistRestore.Outcome outcome = PlaylistRestore.restore(service, snapshot.playlistId(),
                    snapshot.uris());
            return new RestoreResult(pre, snapshot.playlistId(), outcome.notRestored(), outcome.notRemoved(),
                    outcome.calls());
        }).orElseThrow(() -> new ShuffifyException("a job is running on playlist '" + snapshot.playlistId()
                + "'; try the restore again when it has finished"));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("snapshotId", snapshot.id());
        meta.put("playlistId", snapshot.playlistId());
        meta.put("tracks", snapshot.size());
        meta.put("notRestored", result.notRestored());
        meta.put("notRemoved", result.notRemoved());
        logActivity(userId, ActivityType.SNAPSHOT_RESTORED, "restored a snapshot of " + snapshot.playlistName()
                + (result.complete() ? "" : " as far as the service allows: " + result.notRestored().size()
                        + " entr" + (result.notRestored().size() == 1 ? "y" : "ies") + " could not be brought back"
                        + (result.notRestored().isEmpty() ? "" : " (" + String.join(", ", result.notRestored())
                                + ")")
                        + (result.notRemoved().isEmpty() ? "" : ", " + result.notRemoved().size()
                                + " could not be removed (" + String.join(", ", result.notRemoved()) + ")")),
                meta);
        return result;
    }

    // ------------------------------------------------------------------ pairs

    /**
     * Pairs a production playlist with an archive playlist for rotation. Both must be the user's own
     * playlists and differ; a production playlist has at most one pair.
     *
     * @param userId the owner
     * @param productionId the production playlist
     * @param archiveId the archive playlist, or null to create a new private archive named after the production
     *     playlist
     * @return the stored pair
     * @throws ValidationException when a playlist is not the user's, they are equal, or a pair exists already
     */
    public PlaylistPair createPair(String userId, String productionId, String archiveId) {
        requireUser(userId);
        if (productionId == null || productionId.isBlank()) {
            throw new ValidationException("production", "a production playlist id is required");
        }
        if (productionId.equals(archiveId)) {
            throw new ValidationException("archive", "the archive must be another playlist than the production "
                    + "playlist '" + productionId + "'");
        }
        if (store.pairs().find(userId, productionId).isPresent()) {
            throw new ValidationException("production", "playlist '" + productionId
                    + "' is already paired; delete that pair first");
        }
        PlaylistService service = engine.connect(userId);
        Map<String, PlaylistSummary> own = new LinkedHashMap<>();
        service.playlists().forEach(p -> own.put(p.id(), p));
        PlaylistSummary production = own.get(productionId);
        if (production == null) {
            throw new ValidationException("production", "playlist '" + productionId
                    + "' is not one of the user's own playlists");
        }
        PlaylistSummary archive;
        if (archiveId == null) {
            archive = service.createPlaylist(production.name() + " (archive)",
                    "Tracks rotated out of " + production.name(), false);
        } else {
            archive = own.get(archiveId);
            if (archive == null) {
                throw new ValidationException("archive", "playlist '" + archiveId
                        + "' is not one of the user's own playlists");
            }
        }
        PlaylistPair pair = new PlaylistPair(userId, new PlaylistRef(production.id(), production.name()),
                new PlaylistRef(archive.id(), archive.name()), clock.instant());
        store.pairs().save(pair);
        logActivity(userId, ActivityType.PAIR_CREATED, "paired " + production.name() + " with " + archive.name(),
                Map.of("production", production.id(), "archive", archive.id()));
        return pair;
    }

    /**
     * The pair of a production playlist.
     *
     * @param userId the owner
     * @param productionId the production playlist
     * @return the pair, if any
     */
    public Optional<PlaylistPair> pair(String userId, String productionId) {
        requireUser(userId);
        return store.pairs().find(userId, productionId);
    }

    /**
     * A user's pairs.
     *
     * @param userId the owner
     * @return the pairs
     */
    public List<PlaylistPair> pairs(String userId) {
        requireUser(userId);
        return store.pairs().listByUser(userId);
    }

    /**
     * Deletes a pair (the playlists themselves are untouched).
     *
     * @param userId the owner
     * @param productionId the production playlist
     * @throws NotFoundException when there is no such pair
     */
    public void deletePair(String userId, String productionId) {
        requireUser(userId);
        if (!store.pairs().delete(userId, productionId)) {
            throw new NotFoundException("pair", productionId);
        }
        logActivity(userId, ActivityType.PAIR_DELETED, "unpaired playlist " + productionId,
                Map.of("production", productionId));
    }

    /**
     * Where a playlist stands for rotation: its pair, the user's rotate schedule on it, and that schedule's
     * last execution.
     *
     * @param userId the owner
     * @param playlistId the production playlist
     * @return the status
     */
    public RotationStatus rotationStatus(String userId, String playlistId) {
        requireUser(userId);
        Optional<Schedule> schedule = store.schedules().listByUser(userId).stream()
                .filter(s -> s.job().target() != null && s.job().target().id().equals(playlistId))
                .filter(s -> jobTypes.usesPair(s.jobType()))
                .max(Comparator.comparing(Schedule::createdAt));
        Optional<Execution> last = schedule.flatMap(s -> store.executions().listBySchedule(s.id(), 1).stream()
                .findFirst());
        return new RotationStatus(playlistId, store.pairs().find(userId, playlistId), schedule, last);
    }

    // ------------------------------------------------------------------ pins, settings, activity

    /**
     * Pins a track (by uri) in a playlist: shuffles keep it in place, rotations never move it out.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @param uri the track
     * @param until when the pin lapses, or null for never
     * @return the stored pin
     */
    public Pin pinTrack(String userId, String playlistId, String uri, Instant until) {
        requireUser(userId);
        if (uri == null || uri.isBlank()) {
            throw new ValidationException("pin.uri", "a track uri is required");
        }
        Pin pin = new Pin(ids.get(), userId, requirePlaylist(playlistId), uri, -1, -1, until);
        store.pins().save(pin);
        return pin;
    }

    /**
     * Pins the items at positions {@code from..to} (inclusive, zero-based) of a playlist.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @param from first position (0 or more)
     * @param to last position (at least {@code from})
     * @param until when the pin lapses, or null for never
     * @return the stored pin
     */
    public Pin pinPositions(String userId, String playlistId, int from, int to, Instant until) {
        requireUser(userId);
        Pin pin = new Pin(ids.get(), userId, requirePlaylist(playlistId), null, from, to, until);
        store.pins().save(pin);
        return pin;
    }

    /**
     * The pins of a playlist.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @return the pins, lapsed ones included
     */
    public List<Pin> pins(String userId, String playlistId) {
        requireUser(userId);
        return store.pins().listByPlaylist(userId, playlistId);
    }

    /**
     * Removes a pin.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @param pinId the pin
     * @throws NotFoundException when the user has no such pin on that playlist
     */
    public void unpin(String userId, String playlistId, String pinId) {
        boolean owned = pins(userId, playlistId).stream().anyMatch(p -> p.id().equals(pinId));
        if (!owned || !store.pins().delete(pinId)) {
            throw new NotFoundException("pin", pinId);
        }
    }

    /**
     * A user's settings (defaults when none were saved).
     *
     * @param userId the user
     * @return the settings
     */
    public UserSettings settings(String userId) {
        requireUser(userId);
        return store.settings().find(userId).orElse(UserSettings.DEFAULTS);
    }

    /**
     * Saves a user's settings.
     *
     * @param userId the user
     * @param settings the settings
     */
    public void updateSettings(String userId, UserSettings settings) {
        requireUser(userId);
        store.settings().save(userId, Objects.requireNonNull(settings, "settings"));
    }

    /**
     * A user's activity log, newest first.
     *
     * @param userId the user
     * @param limit the most to return (at least 1)
     * @return the entries
     */
    public List<Activity> activity(String userId, int limit) {
        requireUser(userId);
        requirePositive(limit, "limit");
        return store.activity().listByUser(userId, limit);
    }

    // ------------------------------------------------------------------ plugins

    /**
     * Every plugin found or registered: job types, algorithms and discovery strategies, with id, description,
     * parameters and the jar it came from.
     *
     * @return the plugins, job types first
     */
    public List<PluginDescriptor> plugins() {
        return registry.describe();
    }

    /**
     * The job types this instance accepts, chains (such as {@code raid_and_shuffle}) included.
     *
     * @return the job type names
     */
    public List<String> jobTypes() {
        return jobTypes.names();
    }

    /**
     * The store behind this instance.
     *
     * @return the store
     */
    public ShuffifyStore store() {
        return store;
    }

    /**
     * The clock this instance reads time from.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ scheduler

    /**
     * Starts the scheduler (see {@link SchedulerOptions}): runs left {@code running} by a previous life of
     * this node are reconciled, then a loop on daemon threads claims due schedules in batches, runs them on a
     * bounded pool (never two at once on one target playlist), renews their leases, recovers the runs of dead
     * nodes, retries transient failures and prunes old history. Several nodes may share a PostgreSQL store;
     * each due slot runs once. Stop it with {@link #close()}.
     *
     * @throws IllegalStateException when already started, or after {@link #close()}
     */
    public void start() {
        scheduler.start();
    }

    /**
     * Whether the scheduler is running ({@link #start()} called, {@link #close()} not yet).
     *
     * @return true while running
     */
    public boolean isStarted() {
        return scheduler.isRunning();
    }

    /**
     * Every schedule with its state, for operators: next run, last run and status, paused, and which node is
     * running it now.
     *
     * @return never null
     */
    public List<ScheduleState> jobs() {
        return scheduler.jobs();
    }

    /**
     * Checks this instance's health without calling the music service: two small store queries (the due
     * schedules no node has claimed, and the accounts by health) and the scheduler's own figures (its last
     * successful poll, the claims it holds). Cheap enough to call every few seconds. Never throws: a store that
     * fails is reported as down, with the exception's class and message ({@link Health#storeError()}).
     *
     * <pre>{@code
     * Health health = shuffify.health();
     * if (!health.storeUp() || health.oldestDueAge().compareTo(Duration.ofMinutes(5)) > 0) {
     *     alert(health);
     * }
     * }</pre>
     *
     * @return the health now; never null
     * @since 0.2.0
     */
    public Health health() {
        Instant now = clock.instant();
        long start = System.nanoTime();
        DueBacklog backlog = DueBacklog.EMPTY;
        Map<AccountHealth, Long> accounts = Map.of();
        String error = null;
        try {
            backlog = Objects.requireNonNull(store.schedules().dueBacklog(now), "dueBacklog");
            accounts = Objects.requireNonNull(store.accounts().countByHealth(), "countByHealth");
        } catch (RuntimeException e) {
            error = describe(e);
            backlog = DueBacklog.EMPTY;
            accounts = Map.of();
        }
        Duration latency = Duration.ofNanos(Math.max(0, System.nanoTime() - start));
        return new Health(now, error == null, latency, error, scheduler.isRunning(), scheduler.lastSuccessfulPoll(),
                backlog.count(), backlog.oldestNextRunAt(), scheduler.claimsHeld(), accounts);
    }

    /** A failure in a few words: its class and message (store messages name the operation, never a secret). */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message != null && message.length() > 500) {
            message = message.substring(0, 500) + "…";
        }
        return e.getClass().getName() + (message == null ? "" : ": " + message);
    }

    /**
     * How much of the application's rate budget at the music service is in use, as the connector counts it
     * (see {@link PlaylistServiceConnector#rateBudget()}); never calls the service.
     *
     * @return the usage, or empty when the connector keeps no budget (the in-memory service)
     * @since 0.2.0
     */
    public Optional<RateBudgetUsage> rateBudget() {
        try {
            return connector.rateBudget();
        } catch (RuntimeException e) {
            LOG.debug("the connector could not report its rate budget", e);
            return Optional.empty();
        }
    }

    /**
     * Adds a listener for job events after the facade was built (a metrics binder, say). It receives the events
     * of runs that start after this call; {@link Builder#listener} is the place for listeners known up front.
     *
     * @param listener the listener
     * @since 0.2.0
     */
    public void addListener(JobListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener added here or on the builder.
     *
     * @param listener the listener
     * @return whether it was registered
     * @since 0.2.0
     */
    public boolean removeListener(JobListener listener) {
        return listeners.remove(listener);
    }

    /**
     * Pauses a schedule for an operator (any owner); a run in progress finishes.
     *
     * @param scheduleId the schedule
     * @return the paused schedule
     * @throws NotFoundException when there is no such schedule
     */
    public Schedule pauseSchedule(String scheduleId) {
        return scheduler.pause(scheduleId);
    }

    /**
     * Resumes a paused schedule for an operator; a next run in the past becomes the trigger's next slot.
     *
     * @param scheduleId the schedule
     * @return the resumed schedule
     * @throws NotFoundException when there is no such schedule
     */
    public Schedule resumeSchedule(String scheduleId) {
        return scheduler.resume(scheduleId);
    }

    /**
     * Runs a schedule now on the scheduler's pool for an operator (any owner, paused or not), under a lease
     * like a scheduled run, recorded with trigger source {@code manual}; the next run does not move.
     *
     * @param scheduleId the schedule
     * @return the run, completing with its execution (null when none was recorded); empty when the schedule or
     *     its target playlist is running now
     * @throws NotFoundException when there is no such schedule
     * @throws IllegalStateException after {@link #close()}
     */
    public Optional<CompletableFuture<Execution>> triggerSchedule(String scheduleId) {
        return scheduler.trigger(scheduleId).map(run -> run.thenApply(e -> e.orElse(null)));
    }

    /**
     * Stops the scheduler, waiting for running jobs up to {@link SchedulerOptions#shutdownTimeout()}, and closes
     * the store when this instance created it (a store given to the builder is the host's to close). Leaves no
     * execution {@code running}.
     */
    @Override
    public void close() {
        close(schedulerOptions.shutdownTimeout());
    }

    /**
     * Stops claiming due schedules, waits up to {@code timeout} for running jobs, marks those still running
     * {@code abandoned} (their schedules are rescheduled), and closes the store when this instance created it.
     * Idempotent.
     *
     * @param timeout how long to wait for running jobs
     * @return true when every running job finished within the timeout
     */
    public boolean close(Duration timeout) {
        boolean finished = scheduler.close(Objects.requireNonNull(timeout, "timeout"));
        closeOwnedStore();
        return finished;
    }

    private void closeOwnedStore() {
        if (ownsStore) {
            try {
                store.close();
            } catch (Exception e) {
                LOG.warn("could not close the store", e);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private void logActivity(String userId, ActivityType type, String description, Map<String, Object> meta) {
        try {
            store.activity().append(new Activity(ids.get(), userId, type, description, meta, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("could not log activity {} for user {}", type, userId, e);
        }
    }

    private static void requireUser(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new ValidationException("userId", "a user id is required");
        }
    }

    private static String requirePlaylist(String playlistId) {
        if (playlistId == null || playlistId.isBlank()) {
            throw new ValidationException("playlistId", "a playlist id is required");
        }
        return playlistId;
    }

    private static void requirePositive(int value, String field) {
        if (value < 1) {
            throw new ValidationException(field, "must be at least 1, was " + value);
        }
    }

    /**
     * Builds a {@link Shuffify}. Only the connector is required.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private ShuffifyStore store;
        private PlaylistServiceConnector connector;
        private Clock clock = Clock.systemUTC();
        private Long seed;
        private Supplier<String> ids = () -> UUID.randomUUID().toString();
        private ClassLoader classLoader;
        private boolean autoDiscovery = true;
        private boolean lenientPlugins;
        private final List<JobExecutor> jobTypes = new ArrayList<>();
        private final List<ShuffleAlgorithm> algorithms = new ArrayList<>();
        private final List<DiscoveryStrategy> strategies = new ArrayList<>();
        private final Map<String, List<String>> chains = new LinkedHashMap<>();
        private final List<JobListener> listeners = new ArrayList<>();
        private SchedulerOptions scheduler = SchedulerOptions.defaults();

        private Builder() {
        }

        /**
         * How the scheduler runs once {@link Shuffify#start()} is called (default
         * {@link SchedulerOptions#defaults()}).
         *
         * @param value the options
         * @return this
         */
        public Builder scheduler(SchedulerOptions value) {
            this.scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /**
         * The store (default: a new in-memory store).
         *
         * @param value the store
         * @return this
         */
        public Builder store(ShuffifyStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * How to reach a user's music account (required): the Spotify adapter's connector, or an
         * {@link dev.shuffify.memory.InMemoryPlaylistService}.
         *
         * @param value the connector
         * @return this
         */
        public Builder connector(PlaylistServiceConnector value) {
            this.connector = Objects.requireNonNull(value, "connector");
            return this;
        }

        /**
         * The clock (default: the system clock in UTC).
         *
         * @param value the clock
         * @return this
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * A seed that makes every execution's random source deterministic (derived from the seed and the
         * execution id). Default: unseeded.
         *
         * @param value the seed
         * @return this
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * How ids of schedules, executions, snapshots … are made (default: random UUIDs).
         *
         * @param value the generator
         * @return this
         */
        public Builder idGenerator(Supplier<String> value) {
            this.ids = Objects.requireNonNull(value, "idGenerator");
            return this;
        }

        /**
         * The class loader plugins are discovered on (default: the thread's context loader, then the core's).
         *
         * @param value the loader
         * @return this
         */
        public Builder classLoader(ClassLoader value) {
            this.classLoader = Objects.requireNonNull(value, "classLoader");
            return this;
        }

        /**
         * Whether plugins are discovered with {@link java.util.ServiceLoader} (default true). When off, only
         * hand-registered plugins exist.
         *
         * @param value on or off
         * @return this
         */
        public Builder autoDiscovery(boolean value) {
            this.autoDiscovery = value;
            return this;
        }

        /**
         * Whether a provider that fails to load is skipped with a logged warning instead of failing
         * {@link #build()} (default false).
         *
         * @param value on or off
         * @return this
         */
        public Builder lenientPluginLoading(boolean value) {
            this.lenientPlugins = value;
            return this;
        }

        /**
         * Registers a job type by hand.
         *
         * @param executor the executor
         * @return this
         */
        public Builder jobType(JobExecutor executor) {
            jobTypes.add(Objects.requireNonNull(executor, "executor"));
            return this;
        }

        /**
         * Registers a shuffle algorithm by hand.
         *
         * @param algorithm the algorithm
         * @return this
         */
        public Builder algorithm(ShuffleAlgorithm algorithm) {
            algorithms.add(Objects.requireNonNull(algorithm, "algorithm"));
            return this;
        }

        /**
         * Registers a discovery strategy by hand.
         *
         * @param strategy the strategy
         * @return this
         */
        public Builder discoveryStrategy(DiscoveryStrategy strategy) {
            strategies.add(Objects.requireNonNull(strategy, "strategy"));
            return this;
        }

        /**
         * Names a chain of job types run as one execution (one snapshot, one record), beside the well-known
         * {@code raid_and_shuffle} and {@code raid_and_drip}. A job type written {@code a+b} is a chain too.
         *
         * @param name the chain's job type name
         * @param steps the job types in order (at least two)
         * @return this
         */
        public Builder chain(String name, List<String> steps) {
            Objects.requireNonNull(name, "name");
            if (steps == null || steps.size() < 2) {
                throw new IllegalArgumentException("chain '" + name + "' needs at least two steps");
            }
            chains.put(name, List.copyOf(steps));
            return this;
        }

        /**
         * Adds a listener for job events.
         *
         * @param listener the listener
         * @return this
         */
        public Builder listener(JobListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the facade: discovers and checks the plugins.
         *
         * @return the facade
         * @throws IllegalStateException when no connector was given
         * @throws PluginException on a duplicate plugin id or (unless lenient) a provider that fails to load
         */
        public Shuffify build() {
            if (connector == null) {
                throw new IllegalStateException("a connector is required: Shuffify.builder().connector(...)");
            }
            return new Shuffify(this);
        }
    }
}
