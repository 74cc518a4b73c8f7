package dev.shuffify.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Activity;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Membership;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.Pin;
import dev.shuffify.model.PlannedChange;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.PlaylistRef;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Preview;
import dev.shuffify.model.RotationStatus;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.model.UserSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every public model type, arbitrary and valid, written with the module and read back equal. */
class ModelJsonRoundTripTest {
    private static final int TRIES = 200;
    private final ObjectMapper mapper = JsonMapper.builder().addModule(new ShuffifyJacksonModule()).build();

    private void roundTrips(Object value, Class<?> type) throws Exception {
        String json = mapper.writeValueAsString(value);
        assertThat(mapper.readValue(json, type)).as(json).isEqualTo(value);
        // and the text is stable: writing what was read gives the same text
        assertThat(mapper.writeValueAsString(mapper.readValue(json, type))).isEqualTo(json);
    }

    @Property(tries = TRIES)
    void tracks(@ForAll("tracks") Track value) throws Exception {
        roundTrips(value, Track.class);
    }

    @Property(tries = TRIES)
    void artistsAndAlbums(@ForAll("artists") Artist artist, @ForAll("albums") Album album) throws Exception {
        roundTrips(artist, Artist.class);
        if (album != null) {
            roundTrips(album, Album.class);
        }
    }

    @Property(tries = TRIES)
    void triggers(@ForAll("triggers") Trigger value) throws Exception {
        roundTrips(value, Trigger.class);
        roundTrips(value, value instanceof Trigger.Cron ? Trigger.Cron.class : Trigger.Interval.class);
    }

    @Property(tries = TRIES)
    void jobSpecs(@ForAll("jobSpecs") JobSpec value) throws Exception {
        roundTrips(value, JobSpec.class);
    }

    @Property(tries = TRIES)
    void discoverySources(@ForAll("sources") DiscoverySource value) throws Exception {
        roundTrips(value, DiscoverySource.class);
    }

    @Property(tries = TRIES)
    void scheduleDefinitions(@ForAll("definitions") ScheduleDefinition value) throws Exception {
        roundTrips(value, ScheduleDefinition.class);
    }

    @Property(tries = TRIES)
    void schedules(@ForAll("schedules") Schedule value) throws Exception {
        roundTrips(value, Schedule.class);
    }

    @Property(tries = TRIES)
    void scheduleStates(@ForAll("schedules") Schedule schedule, @ForAll("nullableIds") String node,
            @ForAll("nullableInstants") Instant expires) throws Exception {
        roundTrips(new ScheduleState(schedule, node, expires), ScheduleState.class);
    }

    @Property(tries = TRIES)
    void executions(@ForAll("executions") Execution value) throws Exception {
        roundTrips(value, Execution.class);
    }

    @Property(tries = TRIES)
    void jobResults(@ForAll("jobResults") JobResult value) throws Exception {
        roundTrips(value, JobResult.class);
    }

    @Property(tries = TRIES)
    void snapshots(@ForAll("snapshots") Snapshot value) throws Exception {
        roundTrips(value, Snapshot.class);
    }

    @Property(tries = TRIES)
    void previews(@ForAll("previews") Preview value) throws Exception {
        roundTrips(value, Preview.class);
    }

    @Property(tries = TRIES)
    void playlists(@ForAll("playlists") Playlist value) throws Exception {
        roundTrips(value, Playlist.class);
        roundTrips(value.summary(), PlaylistSummary.class);
    }

    @Property(tries = TRIES)
    void playlistRefsAndSummaries(@ForAll("refs") PlaylistRef ref, @ForAll("nullableIds") String owner,
            @ForAll("nullableIds") String snapshotId, @ForAll int total) throws Exception {
        roundTrips(ref, PlaylistRef.class);
        roundTrips(new PlaylistSummary(ref.id(), ref.name(), owner, snapshotId, total), PlaylistSummary.class);
    }

    @Property(tries = TRIES)
    void playlistPairs(@ForAll("pairs") PlaylistPair value) throws Exception {
        roundTrips(value, PlaylistPair.class);
    }

    @Property(tries = TRIES)
    void pins(@ForAll("pins") Pin value) throws Exception {
        roundTrips(value, Pin.class);
    }

    @Property(tries = TRIES)
    void activities(@ForAll("activities") Activity value) throws Exception {
        roundTrips(value, Activity.class);
    }

    @Property(tries = TRIES)
    void userSettings(@ForAll boolean autoSnapshot, @ForAll("retention") int retention) throws Exception {
        roundTrips(new UserSettings(autoSnapshot, retention), UserSettings.class);
    }

    @Property(tries = TRIES)
    void rotationStatuses(@ForAll("rotationStatuses") RotationStatus value) throws Exception {
        roundTrips(value, RotationStatus.class);
    }

    @Property(tries = TRIES)
    void memberships(@ForAll("memberships") Membership value) throws Exception {
        roundTrips(value, Membership.class);
    }

    @Property(tries = TRIES)
    void accounts(@ForAll("accounts") Account value) throws Exception {
        roundTrips(value, Account.class);
    }

    @Property(tries = TRIES)
    void plannedChanges(@ForAll("changes") PlannedChange value) throws Exception {
        roundTrips(value, PlannedChange.class);
    }

    // ---- arbitraries ----

    @Provide
    static Arbitrary<String> ids() {
        return Arbitraries.strings().alpha().numeric().withChars('_', '-').ofMinLength(1).ofMaxLength(16);
    }

    @Provide
    static Arbitrary<String> nullableIds() {
        return ids().injectNull(0.3);
    }

    /** Text with the characters JSON must escape and some beyond ASCII. */
    static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(" \"\\/\n\t\r\u0001éü€中").ofMaxLength(24);
    }

    static Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    @Provide
    static Arbitrary<Instant> nullableInstants() {
        return instants().injectNull(0.3);
    }

    /** Plain JSON values, nested a few levels: what parameter, detail and metadata maps hold. */
    static Arbitrary<Object> jsonValues(int depth) {
        List<Arbitrary<?>> leaves = List.of(text(), Arbitraries.integers(),
                Arbitraries.oneOf(Arbitraries.longs().lessOrEqual(Integer.MIN_VALUE - 1L),
                        Arbitraries.longs().greaterOrEqual(Integer.MAX_VALUE + 1L)),
                Arbitraries.doubles().ofScale(6), Arbitraries.of(Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 1e-300),
                Arbitraries.of(true, false), Arbitraries.just(null));
        Arbitrary<Object> leaf = Arbitraries.oneOf(leaves.stream().map(a -> a.map(v -> (Object) v)).toList());
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, leaf),
                net.jqwik.api.Tuple.of(1, jsonValues(depth - 1).list().ofMaxSize(4).map(l -> (Object) l)),
                net.jqwik.api.Tuple.of(1, jsonMaps(depth - 1).map(m -> (Object) m)));
    }

    static Arbitrary<Map<String, Object>> jsonMaps(int depth) {
        return Arbitraries.maps(text(), jsonValues(depth)).ofMaxSize(4).map(LinkedHashMap::new);
    }

    @Provide
    static Arbitrary<Artist> artists() {
        return Combinators.combine(nullableIds(), text()).as(Artist::new);
    }

    @Provide
    static Arbitrary<Album> albums() {
        return Combinators.combine(nullableIds(), text(), Arbitraries.of("1999", "1999-05", "1999-05-12").injectNull(0.3))
                .as(Album::new).injectNull(0.2);
    }

    @Provide
    static Arbitrary<Track> tracks() {
        Arbitrary<String> uri = Arbitraries.oneOf(ids().map(id -> "spotify:track:" + id),
                ids().map(id -> "spotify:episode:" + id), text().map(t -> "spotify:local:" + t),
                Arbitraries.just(Track.UNAVAILABLE_URI), ids().map(id -> "spotify:show:" + id));
        Arbitrary<Duration> duration = Combinators.combine(Arbitraries.longs().between(0, 86_400),
                Arbitraries.integers().between(0, 999_999_999)).as(Duration::ofSeconds);
        Arbitrary<Track> head = Combinators.combine(uri, nullableIds(), text(), artists().list().ofMaxSize(3),
                albums()).as((u, id, name, artists, album) -> new Track(u, id, name, artists, album, null, 0, null,
                        (Track.Kind) null));
        return Combinators.combine(head, duration, Arbitraries.integers().between(0, 100), nullableInstants(),
                Arbitraries.of(Track.Kind.class).injectNull(0.3)).as((t, d, popularity, added, kind) -> new Track(
                        t.uri(), t.id(), t.name(), t.artists(), t.album(), d, popularity, added, kind));
    }

    @Provide
    static Arbitrary<Trigger> triggers() {
        Arbitrary<Trigger> named = Arbitraries.of(List.copyOf(Trigger.NAMED_INTERVALS.keySet())).map(Trigger::named);
        Arbitrary<Trigger> every = Arbitraries.longs().between(1, 200_000).map(m -> Trigger.every(Duration.ofMinutes(m)));
        Arbitrary<Trigger> cron = Combinators.combine(
                Arbitraries.of("30 2 * * 1-5", "0 6 * * *", "*/15 * * * *", "0 0 1 * *", "5 4 * * 0", "0 */6 * * 7"),
                Arbitraries.of("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"))
                .as(Trigger::cron);
        return Arbitraries.oneOf(named, every, cron);
    }

    @Provide
    static Arbitrary<PlaylistRef> refs() {
        return Combinators.combine(ids(), text()).as(PlaylistRef::new);
    }

    @Provide
    static Arbitrary<DiscoverySource> sources() {
        return Combinators.combine(ids(), text().injectNull(0.3), jsonMaps(2)).as(DiscoverySource::new);
    }

    @Provide
    static Arbitrary<JobSpec> jobSpecs() {
        return Combinators.combine(ids(), refs().injectNull(0.2), sources().list().ofMaxSize(3),
                nullableIds(), jsonMaps(2), jsonMaps(2)).as(JobSpec::new);
    }

    @Provide
    static Arbitrary<ScheduleDefinition> definitions() {
        return Combinators.combine(jobSpecs(), triggers(), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(MisfirePolicy.class)).as(ScheduleDefinition::new);
    }

    @Provide
    static Arbitrary<Schedule> schedules() {
        Arbitrary<Schedule> head = Combinators.combine(ids(), ids(), jobSpecs(), triggers(), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of(MisfirePolicy.class), instants())
                .as((id, user, job, trigger, enabled, verify, misfire, created) -> new Schedule(id, user, job, trigger,
                        enabled, verify, misfire, created, created, null, null, null, null));
        return Combinators.combine(head, instants(), nullableInstants(),
                Arbitraries.of(ExecutionStatus.class).injectNull(0.3), text().injectNull(0.5), nullableInstants())
                .as((s, updated, lastRun, status, error, next) -> new Schedule(s.id(), s.userId(), s.job(),
                        s.trigger(), s.enabled(), s.verifyWrites(), s.misfirePolicy(), s.createdAt(), updated, lastRun,
                        status, error, next));
    }

    @Provide
    static Arbitrary<JobResult> jobResults() {
        Arbitrary<Integer> count = Arbitraries.integers().between(0, 10_000);
        return Combinators.combine(count, count, count, jsonMaps(2), text().list().ofMaxSize(3)).as(JobResult::new);
    }

    @Provide
    static Arbitrary<Execution> executions() {
        Arbitrary<Execution> head = Combinators.combine(ids(), ids(), ids(), ids(), instants(), nullableInstants(),
                Arbitraries.of(ExecutionStatus.class), Arbitraries.of(TriggerSource.class))
                .as((id, schedule, user, type, started, completed, status, source) -> new Execution(id, schedule, user,
                        type, started, completed, status, 0, 0, 0, null, source, 1, Map.of(), List.of()));
        return Combinators.combine(head, jobResults(), text().injectNull(0.5), Arbitraries.integers().between(1, 9))
                .as((e, r, error, attempt) -> new Execution(e.id(), e.scheduleId(), e.userId(), e.jobType(),
                        e.startedAt(), e.completedAt(), e.status(), r.tracksAdded(), r.tracksRemoved(), r.tracksTotal(),
                        error, e.triggerSource(), attempt, r.details(), r.warnings()));
    }

    @Provide
    static Arbitrary<Snapshot> snapshots() {
        return Combinators.combine(ids(), ids(), ids(), text(), tracks().map(Track::uri).list().ofMaxSize(6),
                Arbitraries.oneOf(Arbitraries.of(SnapshotType.MANUAL, SnapshotType.AUTO_PRE_SHUFFLE,
                        SnapshotType.AUTO_PRE_RESTORE), Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1)
                                .ofMaxLength(SnapshotType.MAX_LENGTH).map(SnapshotType::of)),
                text(), instants()).as(Snapshot::new);
    }

    @Provide
    static Arbitrary<PlannedChange> changes() {
        return Combinators.combine(Arbitraries.of(PlannedChange.Operation.class), ids(),
                tracks().map(Track::uri).list().ofMaxSize(4), Arbitraries.integers().between(0, 500).injectNull(0.4),
                Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 500)).as(PlannedChange::new);
    }

    @Provide
    static Arbitrary<Preview> previews() {
        return Combinators.combine(ids(), jobResults(), changes().list().ofMaxSize(3)).as(Preview::new);
    }

    @Provide
    static Arbitrary<Playlist> playlists() {
        return Combinators.combine(ids(), text(), nullableIds(), nullableIds(), tracks().list().ofMaxSize(4))
                .as(Playlist::new);
    }

    @Provide
    static Arbitrary<PlaylistPair> pairs() {
        return Combinators.combine(ids(), refs(), refs(), instants())
                .filter((user, production, archive, created) -> !production.id().equals(archive.id()))
                .as(PlaylistPair::new);
    }

    @Provide
    static Arbitrary<Pin> pins() {
        Arbitrary<Pin> byPosition = Combinators.combine(ids(), ids(), ids(), Arbitraries.integers().between(0, 500),
                Arbitraries.integers().between(0, 50), nullableInstants())
                .as((id, user, playlist, from, extra, until) -> new Pin(id, user, playlist, null, from, from + extra,
                        until));
        Arbitrary<Pin> byUri = Combinators.combine(ids(), ids(), ids(), tracks().map(Track::uri), nullableInstants())
                .as((id, user, playlist, uri, until) -> new Pin(id, user, playlist, uri, -1, -1, until));
        return Arbitraries.oneOf(byPosition, byUri);
    }

    @Provide
    static Arbitrary<Activity> activities() {
        return Combinators.combine(ids(), ids(), Arbitraries.of(ActivityType.class), text(), jsonMaps(2), instants())
                .as(Activity::new);
    }

    @Provide
    static Arbitrary<Integer> retention() {
        return Arbitraries.integers().between(1, 1000);
    }

    @Provide
    static Arbitrary<RotationStatus> rotationStatuses() {
        return Combinators.combine(ids(), pairs().optional(), schedules().optional(), executions().optional())
                .as(RotationStatus::new);
    }

    @Provide
    static Arbitrary<Membership> memberships() {
        return Combinators.combine(ids(), tracks().map(Track::uri), instants(), nullableInstants())
                .as(Membership::new);
    }

    @Provide
    static Arbitrary<Account> accounts() {
        return Combinators.combine(ids(), Arbitraries.bytes().array(byte[].class).ofMaxSize(40).injectNull(0.2),
                Arbitraries.of(AccountHealth.class), Arbitraries.integers().between(0, 100), text().injectNull(0.5),
                instants()).as(Account::new);
    }

}
