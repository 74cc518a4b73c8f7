package dev.shuffify;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.ValidationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Pin;
import dev.shuffify.model.Activity;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.UserSettings;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schedule management, pins, settings and input checks of the facade. */
class FacadeTest {

    final TestClock clock = TestClock.standard();
    final Instant t0 = clock.instant();
    final InMemoryPlaylistService music = new InMemoryPlaylistService(clock);
    final Shuffify shuffify = Shuffify.builder().connector(music).clock(clock).autoDiscovery(false)
            .jobType(new StubPlugins.Job("tidy", ParamSpec.integer("max", "").range(1, 10).withDefault(5)))
            .build();

    Schedule create(JobSpec spec, Trigger trigger) {
        return shuffify.schedules().create("alice", ScheduleDefinition.of(spec, trigger));
    }

    static JobSpec tidy(Object max) {
        return JobSpec.builder("tidy").target("p1", "Mix").param("max", max).build();
    }

    @Test
    void aCreatedScheduleIsStoredWithItsFirstRunAndAnActivity() {
        Schedule s = create(tidy(3), Trigger.named("every_6h"));
        assertThat(s.nextRunAt()).isEqualTo(t0.plus(Duration.ofHours(6)));
        assertThat(s.createdAt()).isEqualTo(t0);
        assertThat(shuffify.schedules().get("alice", s.id())).isEqualTo(s);
        assertThat(shuffify.schedules().list("alice")).containsExactly(s);
        assertThat(shuffify.users().activity("alice", 5)).extracting(Activity::type)
                .containsExactly(ActivityType.SCHEDULE_CREATED);
        Schedule paused = shuffify.schedules().create("alice", ScheduleDefinition.of(tidy(3), Trigger.named("daily"))
                .withEnabled(false));
        assertThat(paused.nextRunAt()).isNull();
    }

    @Test
    void anInvalidUpdateChangesNothing() {
        Schedule s = create(tidy(3), Trigger.named("daily"));
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> shuffify.schedules().update("alice", s.id(),
                ScheduleDefinition.of(tidy(11), Trigger.named("hourly"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("job.params.max"));
        assertThat(shuffify.schedules().get("alice", s.id())).isEqualTo(s);
    }

    @Test
    void aCronThatCanNeverFireIsRejectedAtCreationAndNothingIsStored() {
        assertThatThrownBy(() -> create(tidy(3), Trigger.cron("0 4 31 2 *", ZoneOffset.UTC)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("trigger.expression"))
                .hasMessageContaining("'0 4 31 2 *' never fires");
        assertThat(shuffify.schedules().list("alice")).isEmpty();
        assertThat(shuffify.users().activity("alice", 5)).isEmpty();

        Schedule leapDay = create(tidy(3), Trigger.cron("0 0 29 2 *", ZoneOffset.UTC));
        assertThat(leapDay.nextRunAt()).isNotNull().isAfter(t0);
        assertThat(shuffify.schedules().list("alice")).containsExactly(leapDay);
    }

    @Test
    void anUpdateToACronThatCanNeverFireChangesNothing() {
        Schedule s = create(tidy(3), Trigger.named("daily"));
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> shuffify.schedules().update("alice", s.id(),
                ScheduleDefinition.of(tidy(3), Trigger.cron("0 0 31 4 *", ZoneOffset.UTC))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("trigger.expression"));
        assertThat(shuffify.schedules().get("alice", s.id())).isEqualTo(s);
    }

    @Test
    void anUpdateKeepsTheHistoryAndRecomputesTheNextRun() {
        music.createPlaylist("alice", "p1", "Mix", List.of(Track.ofUri("spotify:track:a")));
        Schedule s = create(tidy(3), Trigger.named("daily"));
        Execution run = shuffify.runs().runNow("alice", s.id());
        Instant later = clock.advance(Duration.ofHours(2));

        Schedule updated = shuffify.schedules().update("alice", s.id(), ScheduleDefinition.of(tidy(4),
                Trigger.cron("0 6 * * *", ZoneOffset.UTC)));

        assertThat(updated.job().params()).containsEntry("max", 4);
        assertThat(updated.createdAt()).isEqualTo(t0);
        assertThat(updated.updatedAt()).isEqualTo(later);
        assertThat(updated.nextRunAt()).isEqualTo(Instant.parse("2026-01-01T06:00:00Z"));
        assertThat(updated.lastStatus()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(shuffify.runs().history("alice", s.id(), 10)).extracting(Execution::id).containsExactly(run.id());
    }

    @Test
    void pausingClearsTheNextRunAndResumingCountsFromNow() {
        Schedule s = create(tidy(3), Trigger.named("hourly"));
        Schedule paused = shuffify.schedules().setEnabled("alice", s.id(), false);
        assertThat(paused.enabled()).isFalse();
        assertThat(paused.nextRunAt()).isNull();
        Instant later = clock.advance(Duration.ofMinutes(150));
        assertThat(shuffify.schedules().setEnabled("alice", s.id(), true).nextRunAt()).isEqualTo(later.plus(Duration.ofHours(1)));
    }

    @Test
    void anotherUsersScheduleIsNotFoundEverywhere() {
        Schedule s = create(tidy(3), Trigger.named("daily"));
        assertThatThrownBy(() -> shuffify.schedules().get("mallory", s.id())).isInstanceOfSatisfying(
                NotFoundException.class, e -> {
                    assertThat(e.kind()).isEqualTo("schedule");
                    assertThat(e.id()).isEqualTo(s.id());
                });
        assertThatThrownBy(() -> shuffify.schedules().update("mallory", s.id(),
                ScheduleDefinition.of(tidy(3), Trigger.named("daily")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> shuffify.schedules().setEnabled("mallory", s.id(), false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> shuffify.schedules().delete("mallory", s.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> shuffify.runs().history("mallory", s.id(), 5)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> shuffify.runs().preview("mallory", s.id())).isInstanceOf(NotFoundException.class);
        assertThat(shuffify.schedules().list("mallory")).isEmpty();
        assertThat(shuffify.schedules().get("alice", s.id())).isEqualTo(s);
    }

    @Test
    void aDeletedScheduleIsGoneAndItsHistoryStaysInTheStore() {
        music.createPlaylist("alice", "p1", "Mix", List.of());
        Schedule s = create(tidy(3), Trigger.named("daily"));
        Execution run = shuffify.runs().runNow("alice", s.id());
        shuffify.schedules().delete("alice", s.id());
        assertThatThrownBy(() -> shuffify.schedules().get("alice", s.id())).isInstanceOf(NotFoundException.class);
        assertThat(shuffify.operations().execute(s.id())).isEmpty();
        assertThat(shuffify.store().executions().find(run.id())).isPresent();
        assertThat(shuffify.users().activity("alice", 1)).extracting(Activity::type)
                .containsExactly(ActivityType.SCHEDULE_DELETED);
    }

    @Test
    void pinsBelongToTheirOwner() {
        Pin byUri = shuffify.pins().pinTrack("alice", "p1", "spotify:track:a");
        Pin byRange = shuffify.pins().pinPositions("alice", "p1", 0, 2, t0.plus(Duration.ofDays(1)));
        assertThat(shuffify.pins().list("alice", "p1")).containsExactlyInAnyOrder(byUri, byRange);
        assertThat(shuffify.pins().list("bob", "p1")).isEmpty();
        assertThatThrownBy(() -> shuffify.pins().unpin("bob", "p1", byUri.id())).isInstanceOf(NotFoundException.class);
        shuffify.pins().unpin("alice", "p1", byUri.id());
        assertThat(shuffify.pins().list("alice", "p1")).containsExactly(byRange);
        assertThatThrownBy(() -> shuffify.pins().unpin("alice", "p1", byUri.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> shuffify.pins().pinTrack("alice", "p1", " ")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("uri"));
        assertThatThrownBy(() -> shuffify.pins().pinPositions("alice", "p1", 3, 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("to", "must be between 3 and 2147483647, was 1")));
        assertThatThrownBy(() -> shuffify.pins().pinTrack("alice", "", "spotify:track:a"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("playlistId");
    }

    @Test
    void settingsDefaultUntilSaved() {
        assertThat(shuffify.users().settings("alice")).isEqualTo(UserSettings.DEFAULTS);
        shuffify.users().updateSettings("alice", new UserSettings(false, 3));
        assertThat(shuffify.users().settings("alice")).isEqualTo(new UserSettings(false, 3));
        assertThat(shuffify.users().settings("bob")).isEqualTo(UserSettings.DEFAULTS);
    }

    @Test
    void userIdsAndLimitsAreChecked() {
        assertThatThrownBy(() -> shuffify.schedules().list(" ")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError("userId", "must not be blank")));
        assertThatThrownBy(() -> shuffify.schedules().create(null, ScheduleDefinition.of(tidy(3),
                Trigger.named("daily")))).isInstanceOf(ValidationException.class).hasMessageContaining("userId");
        assertThatThrownBy(() -> shuffify.users().activity("alice", 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("limit").hasMessageContaining("between 1 and 10000");
        Schedule s = create(tidy(3), Trigger.named("daily"));
        assertThatThrownBy(() -> shuffify.runs().history("alice", s.id(), 0)).isInstanceOf(ValidationException.class);
    }

    @Test
    void theBuilderNeedsAConnectorAndChecksItsArguments() {
        assertThatThrownBy(() -> Shuffify.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connector");
        assertThatThrownBy(() -> Shuffify.builder().clock(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Shuffify.builder().classLoader(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void executionCountsArePerStatus() {
        music.createPlaylist("alice", "p1", "Mix", List.of());
        Schedule s = create(tidy(3), Trigger.named("daily"));
        shuffify.runs().runNow("alice", s.id());
        shuffify.runs().runNow("alice", s.id());
        assertThat(shuffify.operations().executionCounts()).isEqualTo(Map.of(ExecutionStatus.SUCCESS, 2L));
    }
}
