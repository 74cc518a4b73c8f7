package dev.shuffify.examples.entries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.Shuffify;
import dev.shuffify.error.ShuffifyException;
import dev.shuffify.memory.Fault;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A single fault at every music-service call of every job type, as a transient error, a permanent error and an
 * applied-then-lost answer, over playlists holding unavailable entries, local files, episodes and duplicates;
 * then one retry without faults. Every case must end with 0 entries lost (an entry of a playlist before is in
 * some playlist after), 0 duplicated (no playlist holds a uri more often than a run without faults leaves it,
 * unless once) and, where the mode promises it (raid, drip and reorder shuffles), every entry that was there
 * keeping its added date; and the retry converging: after it, every playlist holds what a run without faults
 * leaves (the same multiset of uris), so a retry never raids, drips or rotates more than one run would.
 *
 * <p>The service is reached only through {@link Backend}, so the same matrix runs over another
 * {@link dev.shuffify.spi.PlaylistService} (the Spotify adapter over its fake) by adding a backend factory to
 * {@link #backends()}. The figures are printed and quoted in {@code docs/data-safety.md}:
 * {@code mvn -B -o -q -pl examples -am verify -Dtest=FaultMatrixTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FaultMatrixTest {
    static final String USER = "user";
    static final Instant ADDED = Instant.parse("2025-01-01T00:00:00Z");

    /** A music service the matrix can seed, fault and read back. */
    interface Backend {
        /** The connector the facade uses. */
        PlaylistServiceConnector connector();

        /** Creates a playlist owned by {@value #USER} holding these entries. */
        void seed(String playlistId, String name, List<Track> entries);

        /** The playlist's entries as the service holds them, read without counting a call. */
        List<Track> entries(String playlistId);

        /** Makes the n-th call from now fail with the fault. */
        void failAtCall(int nth, Fault fault);

        /** Calls made so far. */
        int calls();
    }

    /** The in-memory service. */
    static Backend inMemory(TestClock clock) {
        InMemoryPlaylistService music = new InMemoryPlaylistService(clock);
        music.addUser(USER);
        return new Backend() {
            @Override
            public PlaylistServiceConnector connector() {
                return music;
            }

            @Override
            public void seed(String playlistId, String name, List<Track> entries) {
                music.createPlaylist(USER, playlistId, name, entries);
            }

            @Override
            public List<Track> entries(String playlistId) {
                return music.playlist(playlistId).items();
            }

            @Override
            public void failAtCall(int nth, Fault fault) {
                music.failAtCall(nth, fault);
            }

            @Override
            public int calls() {
                return music.totalCalls();
            }
        };
    }

    /** Backend factories by name; the Spotify dialects join here over the fake. */
    static Map<String, java.util.function.Function<TestClock, Backend>> backends() {
        return Map.of("in-memory", FaultMatrixTest::inMemory,
                "spotify-items", clock -> SpotifyBackends.of(dev.shuffify.spotify.ApiDialect.ITEMS, clock),
                "spotify-tracks", clock -> SpotifyBackends.of(dev.shuffify.spotify.ApiDialect.TRACKS, clock));
    }

    static final List<Fault> FAULTS = List.of(Fault.SERVER_ERROR, Fault.PERMANENT_ERROR, Fault.LOST_RESPONSE);

    static Track track(int n) {
        return Track.of("m" + n, "Song " + n, new Artist("ar" + n % 4, "Artist " + n % 4),
                new Album("al" + n, "Album " + n, "2020-01-01"));
    }

    static Track local(String name) {
        return new Track("spotify:local:Band:Record:" + name + ":200", null, name, List.of(), null,
                Duration.ofMinutes(3), 0, null, Track.Kind.LOCAL);
    }

    static Track episode(int n) {
        return new Track("spotify:episode:e" + n, "e" + n, "Episode " + n, List.of(), null, Duration.ofMinutes(30),
                0, null, Track.Kind.EPISODE);
    }

    static List<Track> dated(List<Track> items, int dayOffset) {
        List<Track> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(items.get(i).withAddedAt(ADDED.plus(Duration.ofDays(dayOffset + i))));
        }
        return out;
    }

    /** Target: 14 entries with an unavailable entry, a local file, an episode and a duplicated track. */
    static void seed(Backend b) {
        List<Track> target = new ArrayList<>();
        target.add(Track.unavailable(null));
        for (int i = 1; i <= 10; i++) {
            target.add(track(i));
            if (i == 3) {
                target.add(local("Demo"));
            }
            if (i == 6) {
                target.add(episode(1));
            }
        }
        target.add(track(2));
        b.seed("t", "Target", dated(target, 0));
        List<Track> source = List.of(track(20), track(21), track(3), local("Other"), Track.unavailable(null),
                track(22), episode(2), track(23), track(24), track(25));
        b.seed("src", "Source", dated(source, 100));
        List<Track> staging = List.of(track(30), local("Staged"), track(31), Track.unavailable(null), track(32),
                track(33), track(31), track(34));
        b.seed("stg", "Staging", dated(staging, 200));
        List<Track> archive = List.of(track(40), track(41), Track.unavailable(null), track(42), track(43),
                local("Archived"), track(44));
        b.seed("arc", "Archive", dated(archive, 300));
    }

    static Map<String, JobSpec> jobs() {
        Map<String, JobSpec> jobs = new LinkedHashMap<>();
        DiscoverySource src = DiscoverySource.playlist("src");
        jobs.put("raid", JobSpec.builder("raid").target("t", "Target").source(src).param("limit", 5).build());
        jobs.put("drip", JobSpec.builder("drip").target("t", "Target").param("staging_playlist", "stg")
                .param("drip_count", 3).build());
        jobs.put("shuffle replace", JobSpec.builder("shuffle").target("t", "Target").algorithm("basic")
                .param("write_mode", "replace").build());
        jobs.put("shuffle reorder", JobSpec.builder("shuffle").target("t", "Target").algorithm("basic")
                .param("write_mode", "reorder").build());
        for (String mode : List.of("swap", "archive_oldest", "refresh")) {
            jobs.put("rotate " + mode, JobSpec.builder("rotate").target("t", "Target")
                    .param("rotation_mode", mode).param("rotation_count", 3).build());
        }
        jobs.put("raid_and_shuffle", JobSpec.builder("raid_and_shuffle").target("t", "Target").source(src)
                .param("limit", 5).algorithm("basic").build());
        jobs.put("raid_and_drip", JobSpec.builder("raid_and_drip").target("t", "Target").source(src)
                .param("limit", 5).param("staging_playlist", "stg").param("drip_count", 3).build());
        return jobs;
    }

    static final List<String> PLAYLISTS = List.of("t", "src", "stg", "arc");

    /** A facade over a freshly seeded backend. */
    record World(Backend backend, Shuffify shuffify, String scheduleId) {
        static World of(java.util.function.Function<TestClock, Backend> factory, JobSpec job) {
            TestClock clock = TestClock.standard();
            Backend b = factory.apply(clock);
            seed(b);
            long[] ids = {0};
            Supplier<String> idGen = () -> "id-" + (++ids[0]);
            Shuffify s = Shuffify.builder().store(new InMemoryShuffifyStore()).connector(b.connector()).clock(clock)
                    .seed(7).autoDiscovery(true).idGenerator(idGen).build();
            if (job.type().equals("rotate")) {
                s.pairs().create(USER, "t", "arc");
            }
            String id = s.schedules().create(USER, ScheduleDefinition.of(job, Trigger.named("daily"))).id();
            return new World(b, s, id);
        }

        ExecutionStatus run() {
            try {
                return shuffify.runs().runNow(USER, scheduleId).status();
            } catch (ShuffifyException e) {
                return shuffify.runs().history(USER, scheduleId, 1).get(0).status();
            }
        }

        Map<String, Map<String, Integer>> multisets() {
            Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
            for (String id : PLAYLISTS) {
                Map<String, Integer> m = new HashMap<>();
                backend.entries(id).forEach(t -> m.merge(t.uri(), 1, Integer::sum));
                out.put(id, m);
            }
            return out;
        }

        Map<String, List<Track>> entries() {
            Map<String, List<Track>> out = new LinkedHashMap<>();
            PLAYLISTS.forEach(id -> out.put(id, backend.entries(id)));
            return out;
        }
    }


    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        backends().keySet().stream().sorted().forEach(backend -> jobs().keySet()
                .forEach(job -> out.add(Arguments.of(backend, job))));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void aSingleFaultAtAnyCallLosesNothingDuplicatesNothingAndTheRetryConverges(String backendName, String jobName) {
        var factory = backends().get(backendName);
        JobSpec job = jobs().get(jobName);
        World reference = World.of(factory, job);
        int from = reference.backend().calls();
        assertThat(reference.run()).as("%s without faults", jobName).isEqualTo(ExecutionStatus.SUCCESS);
        int calls = reference.backend().calls() - from;
        Map<String, Map<String, Integer>> expected = reference.multisets();
        boolean keepsDates = !jobName.equals("shuffle replace") && !jobName.startsWith("rotate")
                && !jobName.equals("raid_and_shuffle");

        int cases = 0;
        int fired = 0;
        int failedRuns = 0;
        int lost = 0;
        int duplicated = 0;
        int datesReset = 0;
        int extra = 0;
        int notConverged = 0;
        List<String> problems = new ArrayList<>();
        for (Fault fault : FAULTS) {
            for (int k = 1; k <= calls; k++) {
                cases++;
                World w = World.of(factory, job);
                Map<String, List<Track>> before = w.entries();
                Map<String, Map<String, Integer>> was = w.multisets();
                int start = w.backend().calls();
                w.backend().failAtCall(k, fault);
                ExecutionStatus first = w.run();
                fired += w.backend().calls() - start >= k ? 1 : 0;
                if (first != ExecutionStatus.SUCCESS) {
                    failedRuns++;
                    w.run();
                }
                Map<String, Map<String, Integer>> actual = w.multisets();
                String at = jobName + ", " + fault + " at call " + k + " of " + calls + " (first run " + first + ")";
                Tally t = Tally.of(expected, was, actual);
                int caseLost = t.lost();
                int caseDup = t.duplicated();
                int caseExtra = t.extra();
                if (!actual.equals(expected)) {
                    notConverged++;
                    System.out.println("fault matrix | not converged | " + at + ": " + diff(expected, actual));
                    problems.add(at + ": the retry did not converge: " + diff(expected, actual));
                }
                if (caseLost > 0 || caseDup > 0) {
                    problems.add(at + ": " + caseLost + " lost, " + caseDup + " duplicated: " + diff(expected, actual)
                            + " / " + w.shuffify().runs().history(USER, w.scheduleId(), 2).stream()
                                    .map(e -> e.status() + " " + e.errorMessage()).toList());
                }
                lost += caseLost;
                duplicated += caseDup;
                extra += caseExtra;
                if (keepsDates) {
                    int reset = resetDates(before, w.entries());
                    datesReset += reset;
                    if (reset > 0) {
                        problems.add(at + ": " + reset + " added date(s) reset");
                    }
                }
            }
        }
        System.out.printf("fault matrix | %s | %s | %d calls | %d cases | %d faults fired | %d failed first runs | "
                + "%d lost | %d duplicated | %d added dates reset | %d not converged (%d entries more than one "
                + "run adds)%n", backendName, jobName, calls, cases, fired, failedRuns, lost, duplicated, datesReset,
                notConverged, extra);
        assertThat(problems).as("%s over %s", jobName, backendName).isEmpty();
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
        assertThat(notConverged).isZero();
    }

    /**
     * How the playlists after a case differ from those after one run without faults.
     *
     * @param lost entries missing from a playlist and in no other one
     * @param duplicated copies beyond what a playlist held before or after a run without faults (or one)
     * @param extra entries beyond a run without faults that are not duplicates (a retry that did more)
     */
    record Tally(int lost, int duplicated, int extra) {
        static Tally of(Map<String, Map<String, Integer>> expected, Map<String, Map<String, Integer>> before,
                Map<String, Map<String, Integer>> actual) {
            int lost = 0;
            int duplicated = 0;
            int extra = 0;
            for (String id : PLAYLISTS) {
                Map<String, Integer> want = expected.get(id);
                Map<String, Integer> have = actual.get(id);
                for (String uri : union(want, have)) {
                    int d = want.getOrDefault(uri, 0) - have.getOrDefault(uri, 0);
                    int h = have.getOrDefault(uri, 0);
                    int allowed = allowed(want, before.get(id), uri);
                    if (d > 0 && !elsewhere(actual, id, uri)) {
                        lost += d;
                    } else if (d < 0 && h > allowed) {
                        duplicated += h - allowed;
                    } else if (d < 0) {
                        extra -= d;
                    }
                }
            }
            return new Tally(lost, duplicated, extra);
        }
    }

    /** Entries present before and after whose added date changed (a re-add), counted per uri. */
    static int resetDates(Map<String, List<Track>> before, Map<String, List<Track>> after) {
        int reset = 0;
        for (String id : PLAYLISTS) {
            Map<String, List<Instant>> was = dates(before.get(id));
            Map<String, List<Instant>> is = dates(after.get(id));
            for (Map.Entry<String, List<Instant>> e : was.entrySet()) {
                List<Instant> now = is.getOrDefault(e.getKey(), List.of());
                if (now.size() < e.getValue().size()) {
                    continue; // moved out (a drip's release): not a reset
                }
                for (Instant t : e.getValue()) {
                    if (!now.contains(t)) {
                        reset++;
                    }
                }
            }
        }
        return reset;
    }

    static Map<String, List<Instant>> dates(List<Track> items) {
        Map<String, List<Instant>> m = new HashMap<>();
        items.forEach(t -> m.computeIfAbsent(t.uri(), k -> new ArrayList<>()).add(t.addedAt()));
        return m;
    }

    static String diff(Map<String, Map<String, Integer>> want, Map<String, Map<String, Integer>> have) {
        StringBuilder sb = new StringBuilder();
        for (String id : PLAYLISTS) {
            for (String uri : union(want.get(id), have.get(id))) {
                int d = have.get(id).getOrDefault(uri, 0) - want.get(id).getOrDefault(uri, 0);
                if (d != 0) {
                    sb.append(id).append(':').append(uri).append(d > 0 ? " +" : " ").append(d).append("; ");
                }
            }
        }
        return sb.toString();
    }

    /** The most copies of a uri a playlist may hold: as many as before or as a run without faults, or one. */
    static int allowed(Map<String, Integer> want, Map<String, Integer> before, String uri) {
        return Math.max(1, Math.max(want.getOrDefault(uri, 0), before.getOrDefault(uri, 0)));
    }

    static boolean elsewhere(Map<String, Map<String, Integer>> actual, String id, String uri) {
        return actual.entrySet().stream().anyMatch(e -> !e.getKey().equals(id) && e.getValue().getOrDefault(uri, 0) > 0);
    }

    static java.util.Set<String> union(Map<String, Integer> a, Map<String, Integer> b) {
        java.util.Set<String> s = new java.util.LinkedHashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    @Test
    void theMatrixCoversEveryJobTypeAndMode() {
        assertThat(jobs().keySet()).containsExactly("raid", "drip", "shuffle replace", "shuffle reorder",
                "rotate swap", "rotate archive_oldest", "rotate refresh", "raid_and_shuffle", "raid_and_drip");
    }
}
