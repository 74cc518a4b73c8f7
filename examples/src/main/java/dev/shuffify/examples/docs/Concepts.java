package dev.shuffify.examples.docs;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.Shuffify;
import dev.shuffify.error.ValidationException;
import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Activity;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.Pin;
import dev.shuffify.model.PlannedChange;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.Preview;
import dev.shuffify.model.RotationStatus;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.RestoreResult;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.UserSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code of {@code docs/concepts.md}, one method per concept. Each works on a facade whose music service
 * holds alice's playlists {@code road-trip} ("Road trip"), {@code road-trip-archive} and {@code gym} ("Gym"),
 * and bob's {@code friends-picks}.
 */
public final class Concepts {

    private Concepts() {
    }

    /**
     * The three kinds of trigger.
     *
     * @return how each describes itself, then the cron trigger's next run after 2026-03-27 12:00 UTC
     */
    public static List<String> triggers() {
        Trigger daily = Trigger.named("daily");                           // or hourly, every_6h, every_12h …
        Trigger often = Trigger.every(Duration.ofMinutes(90));            // whole minutes, at least one
        Trigger weekdays = Trigger.cron("30 2 * * 1-5", "Europe/Paris");  // 02:30 Paris time, Monday to Friday

        Optional<Instant> next = weekdays.nextAfter(Instant.parse("2026-03-27T12:00:00Z"));   // a Friday
        String shown = weekdays.describe();                               // cron '30 2 * * 1-5' Europe/Paris
        return List.of(daily.describe(), often.describe(), shown, next.orElseThrow().toString());
    }

    /**
     * A schedule's life: created, changed, paused, listed, deleted.
     *
     * @param shuffify the facade
     * @return alice's schedules before the delete
     */
    public static List<Schedule> scheduleLifecycle(Shuffify shuffify) {
        JobSpec job = JobSpec.builder("raid")
                .target("road-trip", "Road trip")
                .source(DiscoverySource.playlist("https://open.spotify.com/playlist/friends-picks"))
                .param("limit", 10)
                .build();
        Schedule schedule = shuffify.schedules().create("alice", ScheduleDefinition.of(job, Trigger.named("daily")));

        shuffify.schedules().update("alice", schedule.id(),
                ScheduleDefinition.of(job, Trigger.named("weekly")).withMisfirePolicy(MisfirePolicy.SKIP));
        shuffify.schedules().setEnabled("alice", schedule.id(), false);   // pause; true resumes, next run counted from now
        List<Schedule> mine = shuffify.schedules().list("alice");
        shuffify.schedules().delete("alice", schedule.id());      // its executions stay until housekeeping
        return mine;
    }

    /**
     * A schedule rejected with every offending field named.
     *
     * @param shuffify the facade
     * @return the lines shown to the user
     */
    public static List<String> rejected(Shuffify shuffify) {
        List<String> shownToUser = new ArrayList<>();
        try {
            shuffify.schedules().create("alice", ScheduleDefinition.of(
                    JobSpec.builder("shuffle").target("road-trip", "Road trip")
                            .algorithm("balanced").algorithmParam("section_count", 12)
                            .param("write_mode", "sideways").build(),
                    Trigger.named("daily")));
        } catch (ValidationException e) {   // nothing was stored
            for (ValidationException.FieldError error : e.errors()) {
                shownToUser.add(error.field() + ": " + error.message());
            }
        }
        return shownToUser;
    }

    /**
     * A run now, its outcome, and the history.
     *
     * @param shuffify the facade
     * @param schedule one of alice's schedules
     * @return the run
     */
    public static Execution runAndHistory(Shuffify shuffify, Schedule schedule) {
        Execution run;
        try {
            run = shuffify.runs().runNow("alice", schedule.id());          // runs at once, returns when done
        } catch (JobExecutionException e) {                             // the run did not succeed
            run = shuffify.runs().history("alice", schedule.id(), 1).get(0);  // the execution e.executionId() names
        }
        ExecutionStatus status = run.status();        // success, failed, failed_rolled_back, skipped, abandoned …
        List<String> warnings = run.warnings();       // what went wrong without failing the run
        Map<String, Object> details = run.details();  // what the job type reports: sources, moved tracks …

        List<Execution> lastTen = shuffify.runs().history("alice", schedule.id(), 10);   // newest first
        Map<ExecutionStatus, Long> perStatus = shuffify.operations().executionCounts();       // across all users
        return run;
    }

    /**
     * Snapshots by hand, listed, restored; the user's snapshot settings.
     *
     * @param shuffify the facade
     * @return the safety snapshot the restore took
     */
    public static Snapshot snapshots(Shuffify shuffify) {
        Snapshot manual = shuffify.snapshots().take("alice", "road-trip");
        List<Snapshot> kept = shuffify.snapshots().list("alice", "road-trip");     // newest first
        RestoreResult restored = shuffify.snapshots().restore("alice", manual.id()); // snapshots the current state first
        List<String> notBack = restored.notRestored();   // local files / unavailable entries no longer there
        shuffify.users().updateSettings("alice", new UserSettings(true, 25));       // auto-snapshots on, keep 25 each
        return restored.safety();
    }

    /**
     * Playlist pairs for rotation.
     *
     * @param shuffify the facade
     * @return the rotation status of {@code road-trip}
     */
    public static RotationStatus pairs(Shuffify shuffify) {
        PlaylistPair pair = shuffify.pairs().create("alice", "road-trip", "road-trip-archive");
        PlaylistPair made = shuffify.pairs().createWithNewArchive("alice", "gym");   // creates a private "Gym (archive)"
        RotationStatus status = shuffify.pairs().rotationStatus("alice", "road-trip");
        boolean ready = status.isReady();                                // true: a pair exists
        shuffify.pairs().delete("alice", "gym");                             // both playlists stay as they are
        return status;
    }

    /**
     * Pins by track and by position.
     *
     * @param shuffify the facade
     * @return the pins left
     */
    public static List<Pin> pins(Shuffify shuffify) {
        Pin favourite = shuffify.pins().pinTrack("alice", "road-trip", "spotify:track:t1");   // wherever it is
        Pin opening = shuffify.pins().pinPositions("alice", "road-trip", 0, 1,
                Instant.parse("2027-01-01T00:00:00Z"));                  // the top two, until New Year 2027
        List<Pin> pins = shuffify.pins().list("alice", "road-trip");
        shuffify.pins().unpin("alice", "road-trip", favourite.id());
        return shuffify.pins().list("alice", "road-trip");
    }

    /**
     * What an account's health means for the host.
     *
     * @param shuffify the facade
     * @return alice's account health
     */
    public static AccountHealth accountHealth(Shuffify shuffify) {
        Optional<Account> account = shuffify.store().accounts().find("alice");
        AccountHealth health = account.map(Account::health).orElse(AccountHealth.OK);
        if (health == AccountHealth.NEEDS_LOGIN) {
            // ask alice to log in again: her runs fail with "user must log in again" until she does
        } else if (health == AccountHealth.QUARANTINED) {
            // her scheduled runs are recorded as skipped until a call for her succeeds again
        }
        return health;
    }

    /**
     * The user's activity feed.
     *
     * @param shuffify the facade
     * @return the lines of the feed
     */
    public static List<String> activity(Shuffify shuffify) {
        List<String> feed = new ArrayList<>();
        for (Activity entry : shuffify.users().activity("alice", 20)) {   // newest first
            feed.add(entry.createdAt() + "  " + entry.description());
        }
        return feed;
    }

    /**
     * A dry run.
     *
     * @param shuffify the facade
     * @param schedule one of alice's schedules
     * @return the planned writes, one line each
     */
    public static List<String> preview(Shuffify shuffify, Schedule schedule) {
        Preview preview = shuffify.runs().preview("alice", schedule.id());   // writes nothing, records nothing
        JobResult wouldBe = preview.result();                         // the counts the run would report
        List<String> plan = new ArrayList<>();
        for (PlannedChange change : preview.changes()) {              // the writes, in order
            plan.add(change.operation() + " " + change.playlistId() + ": " + change.uris().size() + " track(s)");
        }
        List<String> wouldAdd = preview.adds("road-trip");            // uris an ADD would send
        return plan;
    }

    /**
     * Verification turned off for one schedule.
     *
     * @param shuffify the facade
     * @param job what the schedule does
     * @return the schedule
     */
    public static Schedule withoutVerification(Shuffify shuffify, JobSpec job) {
        ScheduleDefinition huge = ScheduleDefinition.of(job, Trigger.named("weekly"))
                .withVerifyWrites(false);   // no re-read after the job: no check, no automatic rollback
        return shuffify.schedules().create("alice", huge);
    }
}
