package dev.shuffify.examples.crash;

import static dev.shuffify.examples.crash.CrashWorld.USER;
import static dev.shuffify.examples.crash.CrashWorld.uris;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.Shuffify;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14: {@code kill -9} of the host at every write of a replace shuffle of 150, a rotate swap and a
 * raid_and_shuffle, on the embedded (H2 file) store. Each case runs the host in a child JVM ({@link CrashChild})
 * until the music service has applied write k, kills it with {@link Process#destroyForcibly()}, then starts a
 * new host on the same database file: it must find the run abandoned, repair it before the schedule runs again
 * (0 entries lost), say so in history and activity, and its next run must succeed.
 */
class KillNineRecoveryTest {
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> FIGURES = new ArrayList<>();

    @TempDir
    Path dir;

    /** The three jobs of the acceptance criterion and their worlds. */
    enum Job {
        REPLACE_SHUFFLE, ROTATE_SWAP, RAID_AND_SHUFFLE;

        Map<String, List<String>> playlists() {
            Map<String, List<String>> p = new LinkedHashMap<>();
            switch (this) {
                case REPLACE_SHUFFLE -> p.put("mix", uris("m", 0, 150));
                case ROTATE_SWAP -> {
                    p.put("prod", uris("p", 0, 60));
                    p.put("arch", uris("a", 0, 40));
                }
                case RAID_AND_SHUFFLE -> {
                    p.put("mix", uris("m", 0, 150));
                    List<String> source = new ArrayList<>(uris("m", 0, 10)); // 10 already in the target
                    source.addAll(uris("n", 0, 30));
                    p.put("src", source);
                }
                default -> throw new IllegalStateException();
            }
            return p;
        }

        /** The playlists the job writes. */
        List<String> written() {
            return this == ROTATE_SWAP ? List.of("prod", "arch") : List.of("mix");
        }

        JobSpec spec() {
            return switch (this) {
                case REPLACE_SHUFFLE -> JobSpec.builder("shuffle").target("mix", "Mix").algorithm("basic")
                        .param("write_mode", "replace").build();
                case ROTATE_SWAP -> JobSpec.builder("rotate").target("prod", "Prod")
                        .param("rotation_mode", "swap").param("rotation_count", 10).build();
                case RAID_AND_SHUFFLE -> JobSpec.builder("raid_and_shuffle").target("mix", "Mix")
                        .source(DiscoverySource.playlist("src")).algorithm("basic").param("write_mode", "replace")
                        .build();
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Job.class)
    void aKillNineAtEveryWriteLosesNoEntryAndTheRestartedHostRepairsAndSaysSo(Job job) throws Exception {
        Path countDir = Files.createDirectories(dir.resolve(job + "-count"));
        String schedule = setUp(job, countDir);
        String done = runChild(countDir, 0);
        assertThat(done).as("the job run to its end in a child host").startsWith(CrashChild.DONE + "success ");
        int writes = Integer.parseInt(done.substring(done.lastIndexOf(' ') + 1));
        assertThat(writes).isGreaterThanOrEqualTo(2);
        assertThat(schedule).isNotBlank();

        for (int k = 1; k <= writes; k++) {
            Path caseDir = Files.createDirectories(dir.resolve(job + "-" + k));
            String scheduleId = setUp(job, caseDir);
            assertThat(runChild(caseDir, k)).isEqualTo(CrashChild.WROTE + k);
            int lostAtKill = lost(job, CrashWorld.load(caseDir.resolve("state")));

            InMemoryPlaylistService music = CrashWorld.music(caseDir.resolve("state"));
            try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(caseDir.resolve("db"));
                    Shuffify host = CrashWorld.host(store, "restart").connector(music).build()) {
                host.start(); // start-up reconciliation finds the run and repairs it

                Map<String, List<String>> now = state(job, music);
                assertThat(lost(job, now)).as("%s killed after write %d of %d: entries lost", job, k, writes)
                        .isZero();
                job.written().forEach(id -> assertThat(now.get(id)).as(id).doesNotHaveDuplicates());
                Execution killed = host.runs().history(USER, scheduleId, 10).get(0);
                assertThat(killed.status()).isIn(ExecutionStatus.ABANDONED, ExecutionStatus.ABANDONED_RESTORED);
                assertThat(killed.errorMessage()).contains("restarted while running it").contains("repair: ");
                if (lostAtKill > 0) {
                    assertThat(killed.status()).isEqualTo(ExecutionStatus.ABANDONED_RESTORED);
                    assertThat(killed.details()).containsEntry("entriesPutBack", lostAtKill);
                }
                assertThat(host.users().activity(USER, 20)).anySatisfy(a -> {
                    assertThat(a.type()).isEqualTo(ActivityType.SCHEDULE_RUN_ABANDONED);
                    assertThat(a.metadata()).containsEntry("executionId", killed.id());
                });
                assertThat(store.intents().list(10)).isEmpty();

                Execution next = host.runs().runNow(USER, scheduleId);
                assertThat(next.status()).isEqualTo(ExecutionStatus.SUCCESS);
                assertThat(lost(job, state(job, music))).as("after the next run").isZero();
                FIGURES.add(String.format("| %s | %d of %d | %d | %s | %d | %s |", job.spec().type(), k, writes,
                        lostAtKill, killed.status().wireName(), lost(job, now), next.status().wireName()));
            }
        }
    }

    @AfterAll
    static void printFigures() {
        System.out.println("| job | killed after write | entries lost at the kill | status after restart "
                + "| entries lost after repair | next run |");
        FIGURES.forEach(System.out::println);
    }

    /** Writes the world's state file and a due schedule in a new database; returns the schedule id. */
    private static String setUp(Job job, Path caseDir) {
        Map<String, List<String>> playlists = job.playlists();
        Map<String, String> names = new HashMap<>();
        playlists.keySet().forEach(id -> names.put(id, id.substring(0, 1).toUpperCase() + id.substring(1)));
        CrashWorld.save(caseDir.resolve("state"), names, playlists);
        try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(caseDir.resolve("db"));
                Shuffify host = CrashWorld.host(store, "setup").connector(CrashWorld.music(caseDir.resolve("state")))
                        .build()) {
            if (job == Job.ROTATE_SWAP) {
                host.pairs().create(USER, "prod", "arch");
            }
            Schedule s = host.schedules().create(USER, ScheduleDefinition.of(job.spec(), Trigger.named("daily")));
            store.schedules().save(s.withNextRunAt(host.clock().instant().minusSeconds(60))); // due now
            return s.id();
        }
    }

    /** Runs the child host; returns its {@code WROTE k} line once it is blocked there (then kills it), or DONE. */
    private static String runChild(Path caseDir, int killAt) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), caseDir.resolve("db").toString(), caseDir.resolve("state").toString(),
                Integer.toString(killAt))
                .redirectError(caseDir.resolve("child.err").toFile())
                .start();
        try {
            CompletableFuture<String> signal = CompletableFuture.supplyAsync(() -> awaitSignal(child, killAt));
            String line = signal.get(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("the child host ended without its signal; its stderr:\n"
                        + Files.readString(caseDir.resolve("child.err")));
            }
            return line;
        } finally {
            child.destroyForcibly(); // SIGKILL: nothing after write k runs
            child.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static String awaitSignal(Process child, int killAt) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(CrashChild.WROTE + killAt) || line.startsWith(CrashChild.DONE)) {
                    return line;
                }
            }
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> state(Job job, InMemoryPlaylistService music) {
        Map<String, List<String>> now = new LinkedHashMap<>();
        job.playlists().keySet().forEach(id -> now.put(id, music.uris(id)));
        return now;
    }

    /** Entries of the written playlists before the job that are now in none of them (as a multiset). */
    private static int lost(Job job, Map<String, List<String>> now) {
        Map<String, Integer> remaining = new HashMap<>();
        job.written().forEach(id -> now.get(id).forEach(u -> remaining.merge(u, 1, Integer::sum)));
        int lost = 0;
        for (String id : job.written()) {
            for (String uri : job.playlists().get(id)) {
                int n = remaining.getOrDefault(uri, 0);
                if (n > 0) {
                    remaining.put(uri, n - 1);
                } else {
                    lost++;
                }
            }
        }
        return lost;
    }
}
