package dev.shuffify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.event.JobListener;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Pin;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.UserSettings;
import dev.shuffify.service.OperationsService;
import dev.shuffify.service.PairService;
import dev.shuffify.service.PinService;
import dev.shuffify.service.PluginService;
import dev.shuffify.service.RunService;
import dev.shuffify.service.ScheduleService;
import dev.shuffify.service.SnapshotService;
import dev.shuffify.service.UserService;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import dev.shuffify.testing.TestClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input through the public API, table-driven: every parameter of every service method refuses null, every
 * string parameter refuses blank and over-long values, and the explicit cases refuse lengths, kinds and ranges.
 * Each case must throw a {@link ValidationException} naming the field, quote at most 64 characters of the
 * input, and leave the store and the music service untouched (not one call to either).
 */
class BadInputTest {

    static final List<Class<?>> SERVICES = List.of(ScheduleService.class, RunService.class, SnapshotService.class,
            PinService.class, PairService.class, UserService.class, OperationsService.class, PluginService.class);
    static final String LONG = "x".repeat(100_000);

    final TestClock clock = TestClock.standard();
    final InMemoryPlaylistService music = new InMemoryPlaylistService(clock);
    final List<String> storeCalls = new CopyOnWriteArrayList<>();
    final ShuffifyStore store = recording(new InMemoryShuffifyStore(), storeCalls);
    final Shuffify shuffify = Shuffify.builder().connector(music).clock(clock).store(store).autoDiscovery(false)
            .jobType(new StubPlugins.Job("tidy", ParamSpec.integer("max", "").range(1, 10).withDefault(5)))
            .build();
    final Schedule schedule;
    final Snapshot snapshot;
    final Pin pin;

    BadInputTest() {
        music.createPlaylist("alice", "p1", "Mix", List.of(Track.ofUri("spotify:track:a")));
        music.createPlaylist("alice", "p2", "Archive", List.of());
        schedule = shuffify.schedules().create("alice", definition(tidy().build()));
        snapshot = shuffify.snapshots().take("alice", "p1");
        pin = shuffify.pins().pinTrack("alice", "p1", "spotify:track:a");
        storeCalls.clear();
        music.resetCalls();
    }

    // ------------------------------------------------------------------ the table of valid calls

    /** One valid call of a service method: the parameters' names and valid values. */
    record Sample(Function<Shuffify, Object> service, List<String> names, List<Object> values) {
    }

    Map<String, Sample> samples() {
        String s = schedule.id();
        Instant until = clock.instant().plus(Duration.ofDays(1));
        JobListener listener = event -> { };
        Map<String, Sample> m = new LinkedHashMap<>();
        Function<Shuffify, Object> sch = Shuffify::schedules;
        put(m, sch, "create", "userId", "alice", "definition", definition(tidy().build()));
        put(m, sch, "update", "userId", "alice", "scheduleId", s, "definition", definition(tidy().build()));
        put(m, sch, "setEnabled", "userId", "alice", "scheduleId", s, "enabled", true);
        put(m, sch, "delete", "userId", "alice", "scheduleId", s);
        put(m, sch, "get", "userId", "alice", "scheduleId", s);
        put(m, sch, "list", "userId", "alice");
        put(m, sch, "states", "userId", "alice");
        Function<Shuffify, Object> runs = Shuffify::runs;
        put(m, runs, "runNow", "userId", "alice", "scheduleId", s);
        put(m, runs, "preview", "userId", "alice", "scheduleId", s);
        put(m, runs, "history", "userId", "alice", "scheduleId", s, "limit", 5);
        Function<Shuffify, Object> snaps = Shuffify::snapshots;
        put(m, snaps, "list", "userId", "alice", "playlistId", "p1");
        put(m, snaps, "take", "userId", "alice", "playlistId", "p1");
        put(m, snaps, "restore", "userId", "alice", "snapshotId", snapshot.id());
        Function<Shuffify, Object> pins = Shuffify::pins;
        put(m, pins, "pinTrack", "userId", "alice", "playlistId", "p1", "uri", "spotify:track:b");
        put(m, pins, "pinTrack", "userId", "alice", "playlistId", "p1", "uri", "spotify:track:b", "until", until);
        put(m, pins, "pinPositions", "userId", "alice", "playlistId", "p1", "from", 0, "to", 1);
        put(m, pins, "pinPositions", "userId", "alice", "playlistId", "p1", "from", 0, "to", 1, "until", until);
        put(m, pins, "list", "userId", "alice", "playlistId", "p1");
        put(m, pins, "unpin", "userId", "alice", "playlistId", "p1", "pinId", pin.id());
        Function<Shuffify, Object> pairs = Shuffify::pairs;
        put(m, pairs, "create", "userId", "alice", "productionId", "p1", "archiveId", "p2");
        put(m, pairs, "createWithNewArchive", "userId", "alice", "productionId", "p1");
        put(m, pairs, "find", "userId", "alice", "productionId", "p1");
        put(m, pairs, "list", "userId", "alice");
        put(m, pairs, "delete", "userId", "alice", "productionId", "p1");
        put(m, pairs, "rotationStatus", "userId", "alice", "playlistId", "p1");
        Function<Shuffify, Object> users = Shuffify::users;
        put(m, users, "settings", "userId", "alice");
        put(m, users, "updateSettings", "userId", "alice", "settings", UserSettings.DEFAULTS);
        put(m, users, "activity", "userId", "alice", "limit", 5);
        Function<Shuffify, Object> ops = Shuffify::operations;
        put(m, ops, "execute", "scheduleId", s);
        put(m, ops, "jobs");
        put(m, ops, "pause", "scheduleId", s);
        put(m, ops, "resume", "scheduleId", s);
        put(m, ops, "trigger", "scheduleId", s);
        put(m, ops, "executionCounts");
        put(m, ops, "health");
        put(m, ops, "rateBudget");
        put(m, ops, "addListener", "listener", listener);
        put(m, ops, "removeListener", "listener", listener);
        Function<Shuffify, Object> plugins = Shuffify::plugins;
        put(m, plugins, "list");
        put(m, plugins, "jobTypes");
        return m;
    }

    private static void put(Map<String, Sample> m, Function<Shuffify, Object> service, String method,
            Object... namesAndValues) {
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            names.add((String) namesAndValues[i]);
            values.add(namesAndValues[i + 1]);
        }
        m.put(key(serviceType(service), method, names.size()), new Sample(service, names, values));
    }

    private static Class<?> serviceType(Function<Shuffify, Object> service) {
        Object probe = service.apply(Shuffify.builder().connector(new InMemoryPlaylistService()).autoDiscovery(false)
                .build());
        return SERVICES.stream().filter(t -> t.isInstance(probe)).findFirst().orElseThrow();
    }

    private static String key(Class<?> service, String method, int arity) {
        return service.getSimpleName() + "." + method + "/" + arity;
    }

    static List<Method> serviceMethods() {
        return SERVICES.stream().flatMap(t -> Arrays.stream(t.getMethods()))
                .sorted((a, b) -> (a.getDeclaringClass().getSimpleName() + a.getName() + a.getParameterCount())
                        .compareTo(b.getDeclaringClass().getSimpleName() + b.getName() + b.getParameterCount()))
                .toList();
    }

    @Test
    void theTableHasOneValidCallOfEveryServiceMethod() {
        Map<String, Sample> samples = samples();
        List<String> methods = serviceMethods().stream()
                .map(m -> key(m.getDeclaringClass(), m.getName(), m.getParameterCount())).toList();
        assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(methods);
    }

    // ------------------------------------------------------------------ the cases

    /** One bad call: what it does and the field it must name. */
    record Case(String name, String field, Runnable call) {
    }

    List<Case> generated() {
        Map<String, Sample> samples = samples();
        List<Case> cases = new ArrayList<>();
        for (Method method : serviceMethods()) {
            Sample sample = samples.get(key(method.getDeclaringClass(), method.getName(), method.getParameterCount()));
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                if (types[i].isPrimitive()) {
                    continue;
                }
                String label = method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                        + sample.names().get(i) + "=";
                cases.add(new Case(label + "null)", sample.names().get(i), invoke(method, sample, i, null)));
                if (types[i] == String.class) {
                    cases.add(new Case(label + "blank)", sample.names().get(i), invoke(method, sample, i, " \t")));
                    cases.add(new Case(label + "100,000 chars)", sample.names().get(i),
                            invoke(method, sample, i, LONG)));
                }
            }
        }
        return cases;
    }

    private Runnable invoke(Method method, Sample sample, int index, Object value) {
        return () -> {
            Object[] args = sample.values().toArray();
            args[index] = value;
            try {
                method.invoke(sample.service().apply(shuffify), args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new AssertionError(e.getCause());
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        };
    }

    List<Case> explicit() {
        String s = schedule.id();
        List<Case> c = new ArrayList<>();
        // the definition
        c.add(create("no job", "job", () -> ScheduleDefinition.of(null, Trigger.named("daily"))));
        c.add(create("no trigger", "trigger", () -> ScheduleDefinition.of(tidy().build(), null)));
        c.add(create("no type", "job.type", () -> definition(JobSpec.builder(null).target("p1", "Mix").build())));
        c.add(create("blank type", "job.type", () -> definition(spec(" ").build())));
        c.add(create("empty chain step", "job.type", () -> definition(spec("tidy+").build())));
        c.add(create("type of 201 chars", "job.type", () -> definition(spec("t".repeat(201)).build())));
        c.add(create("unknown type", "job.type", () -> definition(spec("nope").build())));
        c.add(create("unknown type of 100,000 chars", "job.type", () -> definition(spec(LONG).build())));
        c.add(create("blank target id", "job.target.id", () -> definition(tidy().target(" ", "Mix").build())));
        c.add(create("target id of 201 chars", "job.target.id",
                () -> definition(tidy().target("p".repeat(201), "Mix").build())));
        c.add(create("empty target name", "job.target.name", () -> definition(tidy().target("p1", "").build())));
        c.add(create("blank target name", "job.target.name", () -> definition(tidy().target("p1", "  ").build())));
        c.add(create("target name of 1001 chars", "job.target.name",
                () -> definition(tidy().target("p1", "n".repeat(1001)).build())));
        c.add(create("unknown algorithm of 100,000 chars", "job.algorithm",
                () -> definition(tidy().algorithm(LONG).build())));
        c.add(create("parameter of 100,000 chars", "job.params.max",
                () -> definition(tidy().param("max", LONG).build())));
        c.add(create("parameter out of range", "job.params.max", () -> definition(tidy().param("max", 11).build())));
        c.add(create("unknown parameter", "job.params.colour",
                () -> definition(tidy().param("colour", "red").build())));
        c.add(create("cron of 201+ chars", "trigger.expression", () -> ScheduleDefinition.of(tidy().build(),
                Trigger.cron(IntStream.range(0, 60).mapToObj(Integer::toString).collect(Collectors.joining(","))
                        + " " + IntStream.range(0, 24).mapToObj(Integer::toString).collect(Collectors.joining(","))
                        + " * * *", ZoneOffset.UTC))));
        c.add(create("interval under a minute", "trigger.interval",
                () -> ScheduleDefinition.of(tidy().build(), Trigger.every(Duration.ofSeconds(30)))));
        c.add(new Case("update to an unknown type", "job.type",
                () -> shuffify.schedules().update("alice", s, definition(spec("Nope").build()))));
        // uris and positions of pins
        for (String uri : List.of("spotify:artist:x", "42", "spotify:track:", "spotify:playlist:37i9dQZF1DX",
                "https://open.spotify.com/track/abc", "spotify:track:a b", "spotify:track:" + "a".repeat(487))) {
            c.add(new Case("pin on " + label(uri), "uri", () -> shuffify.pins().pinTrack("alice", "p1", uri)));
        }
        c.add(new Case("pin from -1", "from", () -> shuffify.pins().pinPositions("alice", "p1", -1, 2)));
        c.add(new Case("pin to before from", "to", () -> shuffify.pins().pinPositions("alice", "p1", 3, 1)));
        // limits
        for (int limit : new int[] {0, -5, 10_001, Integer.MAX_VALUE}) {
            c.add(new Case("history limit " + limit, "limit", () -> shuffify.runs().history("alice", s, limit)));
            c.add(new Case("activity limit " + limit, "limit", () -> shuffify.users().activity("alice", limit)));
        }
        c.add(new Case("user id of 201 chars", "userId", () -> shuffify.schedules().list("u".repeat(201))));
        c.add(new Case("pair with itself", "archiveId", () -> shuffify.pairs().create("alice", "p1", "p1")));
        c.add(new Case("snapshot retention 0", "snapshotRetention",
                () -> shuffify.users().updateSettings("alice", new UserSettings(true, 0))));
        return c;
    }

    private static String label(String uri) {
        return uri.length() > 40 ? uri.substring(0, 40) + "…(" + uri.length() + ")" : uri;
    }

    private Case create(String name, String field, java.util.function.Supplier<ScheduleDefinition> definition) {
        return new Case("create: " + name, field, () -> shuffify.schedules().create("alice", definition.get()));
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsRefusedNamingTheFieldAndNothingIsStored() {
        List<Case> cases = new ArrayList<>(generated());
        cases.addAll(explicit());
        assertThat(cases).hasSizeGreaterThanOrEqualTo(116);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name() + " -> " + c.field(), () -> {
            storeCalls.clear();
            music.resetCalls();
            Schedule before = store.schedules().find(schedule.id()).orElseThrow();
            storeCalls.clear();
            assertThatThrownBy(c.call()::run).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.errors()).extracting(FieldError::field).contains(c.field());
                assertThat(e.getMessage()).doesNotContain("x".repeat(65)).doesNotContain("t".repeat(65))
                        .doesNotContain("p".repeat(65)).doesNotContain("n".repeat(65)).hasSizeLessThan(1500);
            });
            assertThat(storeCalls).as("store calls").isEmpty();
            assertThat(music.calls()).as("music-service calls").isEmpty();
            assertThat(store.schedules().find(schedule.id())).contains(before);
        }));
    }

    // ------------------------------------------------------------------ what is accepted

    @Test
    void theLimitsAreTheColumnSizesExactly() {
        String user = "u".repeat(200);
        assertThat(shuffify.schedules().create(user, definition(JobSpec.builder("tidy")
                .target("p1", "n".repeat(1000)).build())).userId()).isEqualTo(user);
        String uri = "spotify:track:" + "a".repeat(486);
        assertThat(uri).hasSize(500);
        assertThat(shuffify.pins().pinTrack("alice", "p1", uri).uri()).isEqualTo(uri);
        assertThat(shuffify.runs().history("alice", schedule.id(), 10_000)).isEmpty();
    }

    @Test
    void namesAreNormalisedBeforeTheyAreStoredAndMatched() {
        Schedule s = shuffify.schedules().create("alice", definition(JobSpec.builder("  TIDY ")
                .target(" p1 ", "  Mix  ").build()));
        assertThat(s.jobType()).isEqualTo("tidy");
        assertThat(s.job().target().id()).isEqualTo("p1");
        assertThat(s.job().target().name()).isEqualTo("Mix");
        assertThat(store.schedules().find(s.id()).orElseThrow().jobType()).isEqualTo("tidy");
        assertThat(shuffify.runs().runNow("alice", s.id()).status().wireName()).isEqualTo("success");
    }

    @Test
    void pinsTakeTracksEpisodesAndLocalFiles() {
        for (String uri : List.of("spotify:track:4uLU6hMCjMI75M1A2tKUQC", "spotify:episode:512ojhOuo1ktJprKbVcKyQ",
                "spotify:local:Band:Tape:Song:200")) {
            assertThat(shuffify.pins().pinTrack("alice", "p1", uri).uri()).isEqualTo(uri);
        }
    }

    // ------------------------------------------------------------------ helpers

    static JobSpec.Builder tidy() {
        return JobSpec.builder("tidy").target("p1", "Mix");
    }

    static JobSpec.Builder spec(String type) {
        return JobSpec.builder(type).target("p1", "Mix");
    }

    static ScheduleDefinition definition(JobSpec spec) {
        return ScheduleDefinition.of(spec, Trigger.named("daily"));
    }

    /** A store that records every call made through its parts (reads included). */
    static ShuffifyStore recording(ShuffifyStore delegate, List<String> calls) {
        return (ShuffifyStore) Proxy.newProxyInstance(ShuffifyStore.class.getClassLoader(),
                new Class<?>[] {ShuffifyStore.class}, (proxy, method, args) -> {
                    Object result = call(delegate, method, args);
                    Class<?> type = method.getReturnType();
                    if (method.getParameterCount() == 0 && type.isInterface()
                            && type.getPackageName().equals(ShuffifyStore.class.getPackageName())) {
                        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                                (p, m, a) -> {
                                    calls.add(type.getSimpleName() + "." + m.getName());
                                    return call(result, m, a);
                                });
                    }
                    if (!method.getName().equals("close")) {
                        calls.add(method.getName());
                    }
                    return result;
                });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void theRecordingStoreSeesAReadAndAWrite() {
        shuffify.schedules().list("alice");
        assertThat(storeCalls).containsExactly("ScheduleStore.listByUser");
        storeCalls.clear();
        shuffify.pins().pinTrack("alice", "p1", "spotify:track:z");
        assertThat(storeCalls).containsExactly("PinStore.save");
    }
}
