package dev.shuffify.examples;

import dev.shuffify.dashboard.Dashboard;
import dev.shuffify.dashboard.DashboardAuthenticator;
import dev.shuffify.dashboard.DashboardRequest;
import dev.shuffify.dashboard.DashboardServer;
import dev.shuffify.dashboard.DashboardUser;
import dev.shuffify.event.JobEvent;
import dev.shuffify.spi.PluginDescriptor;
import dev.shuffify.SchedulerOptions;
import dev.shuffify.Shuffify;
import dev.shuffify.ShuffifyBuilder;
import dev.shuffify.error.ValidationException;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Execution;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo a newcomer runs first: the facade on the embedded database store and the in-memory music service
 * seeded with {@link DemoLibrary}, schedules of every job type run by the scheduler on a simulated clock, and
 * a report of what happened. Run it twice: schedules and history survive in the database file.
 *
 * <pre>
 * mvn -B -q -pl examples,examples/dedupe-job -am package -DskipTests exec:java
 * mvn -B -q -pl examples exec:java -Dexec.args="--help"
 * </pre>
 */
public final class EmbeddedDemo {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Set by the examples' Maven exec configuration to the example plugin jar built beside the demo. */
    static final String PLUGIN_JAR_PROPERTY = "shuffify.demo.pluginJar";
    private static final List<String> SCENARIOS = List.of("all", "raid", "shuffle", "raid_and_shuffle", "rotate",
            "plugin");

    private final Options options;
    private final PrintStream out;
    private final Map<String, String> targetNames = new HashMap<>();

    private EmbeddedDemo(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the demo.
     *
     * @param args see {@code --help}
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the demo, printing to the given streams.
     *
     * @param args see {@code --help}
     * @param out the report
     * @param err usage errors
     * @return the exit code: 0, or 2 for bad options
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.println(Options.USAGE);
            return 2;
        }
        if (options.help) {
            out.println(Options.USAGE);
            return 0;
        }
        new EmbeddedDemo(options, out).run();
        return 0;
    }

    /** Options of the demo. */
    static final class Options {
        static final String USAGE = """
                Shuffify embedded demo: schedules of every job type on an embedded database and an in-memory
                music service, run by the scheduler on a simulated clock.

                options:
                  --data DIR          where the database file lives (default: <tmp>/shuffify-demo); run the
                                      demo twice with the same folder to see schedules and history survive
                  --fresh             delete the database in --data first
                  --seed N            random seed for the shuffles (default 7)
                  --scenario NAME     one of all, raid, shuffle, raid_and_shuffle, rotate, plugin (default all)
                  --days N            simulated days to run (1..30, default 3)
                  --plugin-jar PATH   a jar of third-party plugins, loaded with a fresh class loader
                                      (default under Maven: examples/dedupe-job/target/shuffify-example-dedupe-*.jar
                                      when it has been built)
                  --no-plugin-jar     load no plugin jar: the dedupe schedule is then rejected
                  --dashboard         afterwards, serve the dashboard over the demo's data on 127.0.0.1 and
                                      print its address and password; serves until interrupted (Ctrl-C)
                  --port N            the dashboard's port (default 8080; 0 for any free one)
                  --help              this text
                """;
        boolean help;
        Path data = Path.of(System.getProperty("java.io.tmpdir"), "shuffify-demo");
        boolean fresh;
        long seed = 7;
        String scenario = "all";
        int days = 3;
        Path pluginJar;
        boolean noPluginJar;
        boolean dashboard;
        int port = 8080;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> o.help = true;
                    case "--fresh" -> o.fresh = true;
                    case "--data" -> o.data = Path.of(value(args, ++i, a));
                    case "--seed" -> o.seed = number(value(args, ++i, a), a, Long.MIN_VALUE, Long.MAX_VALUE);
                    case "--days" -> o.days = (int) number(value(args, ++i, a), a, 1, 30);
                    case "--plugin-jar" -> o.pluginJar = Path.of(value(args, ++i, a));
                    case "--no-plugin-jar" -> o.noPluginJar = true;
                    case "--dashboard" -> o.dashboard = true;
                    case "--port" -> o.port = (int) number(value(args, ++i, a), a, 0, 65535);
                    case "--scenario" -> {
                        o.scenario = value(args, ++i, a);
                        if (!SCENARIOS.contains(o.scenario)) {
                            throw new IllegalArgumentException("--scenario must be one of " + SCENARIOS + ", was '"
                                    + o.scenario + "'");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
            if (o.pluginJar == null && !o.noPluginJar) {
                String fromBuild = System.getProperty(PLUGIN_JAR_PROPERTY);
                if (fromBuild != null && Files.isRegularFile(Path.of(fromBuild))) {
                    o.pluginJar = Path.of(fromBuild);
                }
            }
            if (o.pluginJar != null && !Files.isRegularFile(o.pluginJar)) {
                throw new IllegalArgumentException("--plugin-jar: no such file " + o.pluginJar);
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static long number(String raw, String option, long min, long max) {
            try {
                long v = Long.parseLong(raw);
                if (v < min || v > max) {
                    throw new IllegalArgumentException(option + " must be between " + min + " and " + max
                            + ", was " + v);
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a number, was '" + raw + "'", e);
            }
        }

        boolean wants(String name) {
            return scenario.equals("all") || scenario.equals(name);
        }
    }

    private void run() {
        DemoLibrary library = DemoLibrary.load();
        String user = library.user;
        Path db = options.data.resolve("shuffify");
        try {
            Files.createDirectories(options.data);
            if (options.fresh) {
                try (var files = Files.list(options.data)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().startsWith("shuffify.")).toList()) {
                        Files.delete(f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(db)) {
            List<Schedule> previous = store.schedules().listByUser(user);
            Instant start = previous.stream().map(Schedule::lastRunAt).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).map(t -> t.plus(Duration.ofHours(1)))
                    .orElse(Instant.now()).truncatedTo(ChronoUnit.HOURS);
            FastClock clock = new FastClock(start);
            InMemoryPlaylistService music = library.seed(clock);
            Map<String, List<Track>> before = new LinkedHashMap<>();
            for (String id : List.of("morning-mix", "discover-pool", "road-trip", "road-trip-archive")) {
                before.put(id, music.playlist(id).items());
            }

            heading("Shuffify embedded demo");
            out.printf("database   %s (embedded, file)%n", db.toAbsolutePath());
            out.printf("library    %d tracks, %d artists, %d playlists (in-memory music service)%n",
                    library.tracks.size(), library.artists().size(), 6);
            if (!previous.isEmpty()) {
                out.printf("restart    found %d schedules with their history and snapshots in the database from an "
                        + "earlier run%n           (the music service lives in memory: its playlists start afresh)%n",
                        previous.size());
            }

            ShuffifyBuilder builder = Shuffify.builder().store(store).connector(music).clock(clock)
                    .seed(options.seed).listener(this::progress)
                    .scheduler(SchedulerOptions.builder().nodeId("demo").poolSize(2)
                            .pollInterval(Duration.ofMillis(10)).build());
            URLClassLoader pluginLoader = pluginLoader();
            if (pluginLoader != null) {
                builder.classLoader(pluginLoader);
            }
            try (Shuffify shuffify = builder.build()) {
                listPlugins(shuffify);
                createSchedules(shuffify, user, previous);
                shuffify.schedules().list(user).forEach(s -> targetNames.put(s.id(), s.job().target().name()));
                heading("Running " + options.days + " simulated days (clock starts " + TIME.format(start) + ")");
                Instant end = start.plus(Duration.ofDays(options.days));
                shuffify.start();
                while (clock.instant().isBefore(end)) {
                    clock.advance(Duration.ofHours(1));
                    awaitIdle(store, clock);
                }
                if (!options.dashboard) {
                    shuffify.close(Duration.ofSeconds(30));
                }
                report(shuffify, music, user, before);
                restoreOne(shuffify, music, user);
                if (options.dashboard) {
                    // the scheduler keeps running (idle: the simulated clock stands still) while it is served
                    serveDashboard(shuffify, music, user);
                    shuffify.close(Duration.ofSeconds(30));
                }
            } finally {
                if (pluginLoader != null) {
                    try {
                        pluginLoader.close();
                    } catch (IOException e) {
                        out.println("could not close the plugin class loader: " + e.getMessage());
                    }
                }
            }
        }
    }

    private URLClassLoader pluginLoader() {
        if (options.pluginJar == null) {
            return null;
        }
        try {
            URL url = options.pluginJar.toUri().toURL();
            return new URLClassLoader("demo-plugins", new URL[] {url}, EmbeddedDemo.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("--plugin-jar: " + e.getMessage(), e);
        }
    }

    private void listPlugins(Shuffify shuffify) {
        heading("Plugins");
        for (PluginDescriptor p : shuffify.plugins().list()) {
            out.printf("%-18s %-17s %-40s %s%n", p.kind().name().toLowerCase(Locale.ROOT), p.id(),
                    abbreviate(p.description(), 40), jarName(p.source()));
        }
        out.printf("job types accepted: %s%n", String.join(", ", shuffify.plugins().jobTypes()));
    }

    /** Creates the scenario's schedules, but for those an earlier run of the demo left in the database. */
    private void createSchedules(Shuffify shuffify, String user, List<Schedule> existing) {
        heading("Schedules");
        List<ScheduleDefinition> defs = new ArrayList<>();
        if (options.wants("raid")) {
            defs.add(ScheduleDefinition.of(JobSpec.builder("raid").target("morning-mix", "Morning Mix")
                    .source(DiscoverySource.playlist("https://open.spotify.com/playlist/friends-picks"))
                    .source(new DiscoverySource("liked", null, Map.of("limit", 20)))
                    .param("limit", 6).param("max_per_artist", 2).build(), Trigger.named("every_12h")));
        }
        if (options.wants("shuffle")) {
            defs.add(ScheduleDefinition.of(JobSpec.builder("shuffle").target("morning-mix", "Morning Mix")
                    .algorithm("balanced").algorithmParam("section_count", 4).build(), Trigger.named("daily")));
        }
        if (options.wants("raid_and_shuffle")) {
            defs.add(ScheduleDefinition.of(JobSpec.builder("raid_and_shuffle").target("discover-pool",
                    "Discover Pool").source(DiscoverySource.of("search", "Velvet")).param("limit", 5)
                    .algorithm("artist_spread").build(), Trigger.named("daily")));
        }
        if (options.wants("rotate")) {
            shuffify.pairs().find(user, "road-trip").orElseGet(() -> shuffify.pairs().create(user, "road-trip",
                    "road-trip-archive"));
            for (String mode : List.of("archive_oldest", "refresh", "swap")) {
                defs.add(ScheduleDefinition.of(JobSpec.builder("rotate").target("road-trip", "Road Trip")
                        .param("rotation_mode", mode).param("rotation_count", 3).build(), Trigger.named("daily")));
            }
        }
        if (options.wants("plugin")) {
            defs.add(ScheduleDefinition.of(JobSpec.builder("dedupe").target("discover-pool", "Discover Pool")
                    .build(), Trigger.named("daily")));
        }
        for (ScheduleDefinition d : defs) {
            Schedule kept = existing.stream().filter(e -> e.job().equals(d.job())).findFirst().orElse(null);
            if (kept != null) {
                out.printf("%-17s on %-14s %-10s kept from the earlier run (last %s: %s)%n", kept.jobType(),
                        kept.job().target().name(), kept.trigger().describe(),
                        kept.lastRunAt() == null ? "never" : TIME.format(kept.lastRunAt()),
                        kept.lastStatus() == null ? "-" : kept.lastStatus().wireName());
                continue;
            }
            try {
                Schedule s = shuffify.schedules().create(user, d);
                out.printf("%-17s on %-14s %-10s created, next run %s%n", s.jobType(), s.job().target().name(),
                        d.trigger().describe(), TIME.format(s.nextRunAt()));
            } catch (ValidationException e) {
                out.printf("%-17s rejected: %s%n", d.job().type(), e.getMessage());
            }
        }
    }

    /**
     * Waits until the scheduler has run everything due at the simulated now: nothing due, nothing leased. The
     * simulated clock only moves once the scheduler is idle, so no lease can expire under a running job.
     */
    private static void awaitIdle(JdbcShuffifyStore store, Clock clock) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!store.schedules().findDue(clock.instant(), 1).isEmpty() || !store.schedules().listLeases().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the scheduler did not run the due schedules within a minute");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private void progress(JobEvent event) {
        Execution e = event.execution();
        switch (event.type()) {
            case SUCCEEDED, FAILED -> out.printf("%s  %-17s %-18s %-19s +%-3d -%-3d = %-4d %4d ms%s%n",
                    TIME.format(e.startedAt()), e.jobType(), targetNames.getOrDefault(e.scheduleId(), ""),
                    e.status().wireName(), e.tracksAdded(), e.tracksRemoved(), e.tracksTotal(),
                    e.duration().map(Duration::toMillis).orElse(0L),
                    e.errorMessage() == null ? "" : "  " + abbreviate(e.errorMessage(), 80));
            case SKIPPED -> out.printf("          %-17s skipped: %s%n", event.jobType(), event.message());
            default -> {
            }
        }
    }

    private void report(Shuffify shuffify, InMemoryPlaylistService music, String user,
            Map<String, List<Track>> before) {
        heading("Playlists, before and after");
        out.printf("%-18s %14s %14s %16s %s%n", "playlist", "tracks", "artists", "same-artist adj.",
                "tracks moved in / out");
        before.forEach((id, old) -> {
            Playlist now = music.playlist(id);
            Set<String> oldUris = Set.copyOf(old.stream().map(Track::uri).toList());
            Set<String> newUris = Set.copyOf(now.uris());
            long in = newUris.stream().filter(u -> !oldUris.contains(u)).count();
            long outCount = oldUris.stream().filter(u -> !newUris.contains(u)).count();
            out.printf("%-18s %6d → %-5d %6d → %-5d %7d → %-6d +%d / -%d%n", now.name(), old.size(),
                    now.items().size(), artists(old), artists(now.items()), adjacentSameArtist(old),
                    adjacentSameArtist(now.items()), in, outCount);
        });

        heading("Execution history");
        out.printf("%-17s %-15s %-19s %6s %6s %6s %8s  %s%n", "job type", "target", "status", "added",
                "removed", "total", "ms", "started");
        for (Schedule s : shuffify.schedules().list(user)) {
            for (Execution e : shuffify.runs().history(user, s.id(), 50)) {
                out.printf("%-17s %-15s %-19s %6d %6d %6d %8d  %s%n", e.jobType(), s.job().target().name(),
                        e.status().wireName(), e.tracksAdded(), e.tracksRemoved(), e.tracksTotal(),
                        e.duration().map(Duration::toMillis).orElse(0L), TIME.format(e.startedAt()));
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        shuffify.operations().executionCounts().forEach((k, v) -> counts.put(k.wireName(), v));
        out.println("executions per status: " + counts);

        heading("Snapshots taken");
        Map<String, Integer> perPlaylist = new HashMap<>();
        for (String id : before.keySet()) {
            List<Snapshot> snaps = shuffify.snapshots().list(user, id);
            perPlaylist.put(id, snaps.size());
            for (Snapshot s : snaps) {
                out.printf("%-18s %-24s %4d tracks  %s%n", s.playlistName(), s.type().name().toLowerCase(Locale.ROOT),
                        s.size(), TIME.format(s.createdAt()));
            }
        }
    }

    private void restoreOne(Shuffify shuffify, InMemoryPlaylistService music, String user) {
        List<Snapshot> snaps = shuffify.snapshots().list(user, "morning-mix");
        if (snaps.isEmpty()) {
            return;
        }
        Snapshot oldest = snaps.get(snaps.size() - 1);
        heading("Restoring the oldest snapshot of Morning Mix (" + TIME.format(oldest.createdAt()) + ")");
        Snapshot safety = shuffify.snapshots().restore(user, oldest.id()).safety();
        boolean same = music.uris("morning-mix").equals(oldest.uris());
        out.printf("restored %d tracks; playlist now equals the snapshot: %s; safety snapshot of the state before: "
                + "%d tracks (%s)%n", oldest.size(), same ? "yes" : "NO", safety.size(),
                safety.type().name().toLowerCase(Locale.ROOT));
    }

    /**
     * Serves the dashboard over the demo's data until the demo is interrupted. Sign in with HTTP Basic: user
     * {@code operator} sees every user's schedules and the scheduler's health, the demo user their own; the
     * password is made afresh for each run and printed.
     */
    private void serveDashboard(Shuffify shuffify, InMemoryPlaylistService music, String user) {
        // the JDK's server sends headers and body apart: without TCP_NODELAY each answer waits ~40 ms for an ACK
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        byte[] raw = new byte[9];
        new SecureRandom().nextBytes(raw);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        DashboardServer server = Dashboard.builder(shuffify).connector(music)
                .authenticator(new BasicAuthenticator(user, password)).start(options.port);
        heading("Dashboard");
        out.printf("dashboard  %s%n", server.uri());
        out.printf("sign in    as 'operator' (every user) or '%s' (own schedules), password %s%n", user, password);
        out.println("serving until interrupted (Ctrl-C)");
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
    }

    /** The demo's sign-in: HTTP Basic with one printed password. */
    private static final class BasicAuthenticator implements DashboardAuthenticator {
        private final String user;
        private final byte[] password;

        BasicAuthenticator(String user, String password) {
            this.user = user;
            this.password = password.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Optional<DashboardUser> authenticate(DashboardRequest request) {
            Optional<String> header = request.header("Authorization").filter(h -> h.startsWith("Basic "));
            if (header.isEmpty()) {
                return Optional.empty();
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.get().substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0 || !MessageDigest.isEqual(password,
                    decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            String name = decoded.substring(0, colon);
            if (name.equals("operator")) {
                return Optional.of(DashboardUser.operator("operator"));
            }
            return name.equals(user) ? Optional.of(DashboardUser.user(user)) : Optional.empty();
        }

        @Override
        public Optional<String> challenge() {
            return Optional.of("Basic realm=\"Shuffify demo\", charset=\"UTF-8\"");
        }
    }

    private static int artists(List<Track> tracks) {
        return (int) tracks.stream().map(Track::primaryArtistKey).distinct().count();
    }

    private static int adjacentSameArtist(List<Track> tracks) {
        int n = 0;
        for (int i = 1; i < tracks.size(); i++) {
            if (tracks.get(i).primaryArtistKey().equals(tracks.get(i - 1).primaryArtistKey())) {
                n++;
            }
        }
        return n;
    }

    private void heading(String title) {
        out.println();
        out.println("== " + title + " " + "=".repeat(Math.max(3, 100 - title.length())));
    }

    private static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String jarName(String source) {
        if (source == null) {
            return "";
        }
        int slash = source.lastIndexOf('/');
        return slash >= 0 && slash < source.length() - 1 ? source.substring(slash + 1) : source;
    }

    /**
     * Real time, moved forward by hand: durations are real, and simulated days pass in a moment when the demo
     * advances the clock between scheduler polls.
     */
    static final class FastClock extends Clock {
        private final AtomicReference<Duration> offset;

        FastClock(Instant start) {
            this.offset = new AtomicReference<>(Duration.between(Instant.now(), start));
        }

        void advance(Duration amount) {
            offset.updateAndGet(o -> o.plus(amount));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
