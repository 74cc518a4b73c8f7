package dev.shuffify.testkit;

import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.TriggerSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test data shared by the store and scheduler tests. Times are whole microseconds, as every store keeps them. */
public final class StoreFixtures {
    /** A fixed point in time. */
    public static final Instant T0 = Instant.parse("2026-03-02T10:00:00.123456Z");

    private StoreFixtures() {
    }

    /**
     * A shuffle schedule running hourly.
     *
     * @param id the id
     * @param userId the owner
     * @param target the target playlist
     * @param nextRunAt the next run
     * @return the schedule
     */
    public static Schedule schedule(String id, String userId, String target, Instant nextRunAt) {
        JobSpec job = JobSpec.builder("shuffify-test").target(target, "Playlist " + target).algorithm("balanced")
                .algorithmParam("section_count", 4).param("write_mode", "reorder").build();
        return new Schedule(id, userId, job, Trigger.named("hourly"), true, true, MisfirePolicy.RUN_ONCE, T0, T0,
                null, null, null, nextRunAt);
    }

    /**
     * A schedule with every field set, including nested parameters and a cron trigger.
     *
     * @param id the id
     * @return the schedule
     */
    public static Schedule richSchedule(String id) {
        JobSpec job = JobSpec.builder("raid_and_shuffle").target("pl-rich", "Rich \"mix\" ✓")
                .source(DiscoverySource.playlist("spotify:playlist:abc"))
                .source(new DiscoverySource("artist", "artist-1", Map.of("limit", 5, "include_features", true)))
                .algorithm("artist_spacing").algorithmParam("min_gap", 3)
                .param("max_tracks", 50).param("tags", List.of("a", "b,c", "ü"))
                .param("big", 12_345_678_901L).param("ratio", 0.25).param("note", "line1\nline2\t\"q\"")
                .param("nothing", null).param("nested", Map.of("k", List.of(1, 2)))
                .build();
        return new Schedule(id, "alice", job, Trigger.cron("30 2 * * 1-5", "Europe/Paris"), false, false,
                MisfirePolicy.SKIP, T0, T0.plusSeconds(5), T0.plusSeconds(60), ExecutionStatus.FAILED,
                "boom: " + "x".repeat(2000), T0.plus(Duration.ofDays(1)));
    }

    /**
     * A running execution.
     *
     * @param id the id
     * @param scheduleId the schedule
     * @param startedAt the start
     * @return the execution
     */
    public static Execution running(String id, String scheduleId, Instant startedAt) {
        return new Execution(id, scheduleId, "alice", "shuffle", startedAt, null, ExecutionStatus.RUNNING, 0, 0, 0,
                null, TriggerSource.SCHEDULER, 1, Map.of(), List.of());
    }

    /**
     * A finished execution.
     *
     * @param id the id
     * @param scheduleId the schedule
     * @param startedAt the start (completed a second later)
     * @param status the status
     * @return the execution
     */
    public static Execution finished(String id, String scheduleId, Instant startedAt, ExecutionStatus status) {
        return new Execution(id, scheduleId, "alice", "shuffle", startedAt, startedAt.plusSeconds(1), status, 3, 1,
                40, status == ExecutionStatus.SUCCESS ? null : "failed", TriggerSource.SCHEDULER, 1, Map.of(),
                List.of());
    }
}
