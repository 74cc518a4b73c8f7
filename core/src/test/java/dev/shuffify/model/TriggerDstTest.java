package dev.shuffify.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Trigger math: intervals, cron fields, zones, and the two daylight-saving days. */
class TriggerDstTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aDailyJobAt0230RunsOnceOnTheSpringForwardDayShiftedPastTheGap() {
        List<ZonedDateTime> runs = runs(Trigger.cron("30 2 * * *", PARIS), "2026-03-27T12:00:00Z", 4);

        assertThat(runs).extracting(ZonedDateTime::toString).containsExactly(
                "2026-03-28T02:30+01:00[Europe/Paris]",
                "2026-03-29T03:30+02:00[Europe/Paris]", // 02:30 does not exist that day
                "2026-03-30T02:30+02:00[Europe/Paris]",
                "2026-03-31T02:30+02:00[Europe/Paris]");
    }

    @Test
    void aDailyJobAt0230RunsOnceOnTheFallBackDayAtTheFirstOccurrence() {
        List<ZonedDateTime> runs = runs(Trigger.cron("30 2 * * *", PARIS), "2026-10-24T12:00:00Z", 3);

        assertThat(runs).extracting(ZonedDateTime::toString).containsExactly(
                "2026-10-25T02:30+02:00[Europe/Paris]", // 02:30 happens twice; the second one is not a new run
                "2026-10-26T02:30+01:00[Europe/Paris]",
                "2026-10-27T02:30+01:00[Europe/Paris]");
    }

    @Test
    void aDailyJobAt0230InNewYorkRunsOnceOnBothDstDays() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Trigger daily = Trigger.cron("30 2 * * *", newYork);

        assertThat(runs(daily, "2026-03-07T12:00:00Z", 3)).extracting(ZonedDateTime::toString).containsExactly(
                "2026-03-08T03:30-04:00[America/New_York]",
                "2026-03-09T02:30-04:00[America/New_York]",
                "2026-03-10T02:30-04:00[America/New_York]");
        assertThat(runs(daily, "2026-10-31T12:00:00Z", 3)).extracting(ZonedDateTime::toString).containsExactly(
                "2026-11-01T02:30-05:00[America/New_York]", // 02:30 EST only: 01:xx repeats, 02:30 does not
                "2026-11-02T02:30-05:00[America/New_York]",
                "2026-11-03T02:30-05:00[America/New_York]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Paris", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "UTC",
            "Asia/Kolkata"})
    void aFixedTimeDailyJobRunsExactlyOncePerLocalDateOverTwoYears(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        for (String time : List.of("30 2", "0 0", "59 23", "15 1")) {
            Trigger daily = Trigger.cron(time + " * * *", zone);
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            LocalDate previous = null;
            Set<LocalDate> seen = new HashSet<>();
            for (int i = 0; i < 730; i++) {
                Instant next = daily.nextAfter(at).orElseThrow();
                assertThat(next).isAfter(at);
                LocalDate date = ZonedDateTime.ofInstant(next, zone).toLocalDate();
                assertThat(seen.add(date)).as("%s %s ran twice on %s", zoneId, time, date).isTrue();
                if (previous != null) {
                    assertThat(date).as("%s %s skipped a day after %s", zoneId, time, previous)
                            .isEqualTo(previous.plusDays(1));
                }
                previous = date;
                at = next;
            }
        }
    }

    @Test
    void anEveryThirtyMinutesJobKeepsItsRealTimeRhythmThroughBothChanges() {
        Trigger every30 = Trigger.cron("*/30 * * * *", PARIS);

        List<Instant> fallBackDay = instantsBetween(every30, "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z");
        assertThat(fallBackDay).hasSize(50); // 25 hours that day
        assertEvenlySpaced(fallBackDay, Duration.ofMinutes(30));

        List<Instant> springDay = instantsBetween(every30, "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z");
        assertThat(springDay).hasSize(46); // 23 hours that day
        assertEvenlySpaced(springDay, Duration.ofMinutes(30));
    }

    @Test
    void dayOfWeekZeroAndSevenAreSundayAndOneIsMonday() {
        Instant saturday = Instant.parse("2026-03-07T12:00:00Z");

        assertThat(Trigger.cron("0 6 * * 0", "UTC").nextAfter(saturday)).contains(Instant.parse("2026-03-08T06:00:00Z"));
        assertThat(Trigger.cron("0 6 * * 7", "UTC").nextAfter(saturday)).contains(Instant.parse("2026-03-08T06:00:00Z"));
        assertThat(Trigger.cron("0 6 * * 1", "UTC").nextAfter(saturday)).contains(Instant.parse("2026-03-09T06:00:00Z"));
        assertThat(Trigger.cron("0 6 * * 1-5", "UTC").nextAfter(saturday))
                .contains(Instant.parse("2026-03-09T06:00:00Z"));
    }

    @Test
    void cronFieldsAreReadInTheTriggersZone() {
        Instant at = Instant.parse("2026-06-01T00:00:00Z");

        assertThat(Trigger.cron("0 6 * * *", "Asia/Tokyo").nextAfter(at))
                .contains(Instant.parse("2026-06-01T21:00:00Z"));
        assertThat(Trigger.cron("0 6 * * *", "UTC").nextAfter(at)).contains(Instant.parse("2026-06-01T06:00:00Z"));
        assertThat(Trigger.cron("30 5 * * *", "Asia/Kolkata").nextAfter(at))
                .contains(Instant.parse("2026-06-01T00:00:00Z").plus(Duration.ofDays(1)));
    }

    @Test
    void theNextRunIsStrictlyAfterTheGivenInstant() {
        Instant exactly = Instant.parse("2026-06-01T06:00:00Z");

        assertThat(Trigger.cron("0 6 * * *", "UTC").nextAfter(exactly)).contains(exactly.plus(Duration.ofDays(1)));
        assertThat(Trigger.named("hourly").nextAfter(exactly)).contains(exactly.plus(Duration.ofHours(1)));
    }

    @Test
    void intervalsAddTheirLengthInRealTime() {
        Instant beforeFallBack = Instant.parse("2026-10-24T23:30:00Z");

        assertThat(Trigger.named("daily").nextAfter(beforeFallBack)).contains(beforeFallBack.plus(Duration.ofDays(1)));
        assertThat(Trigger.named("every_6h").nextAfter(beforeFallBack))
                .contains(beforeFallBack.plus(Duration.ofHours(6)));
        assertThat(Trigger.named("weekly").nextAfter(beforeFallBack))
                .contains(beforeFallBack.plus(Duration.ofDays(7)));
        assertThat(Trigger.every(Duration.ofMinutes(45)).nextAfter(beforeFallBack))
                .contains(beforeFallBack.plus(Duration.ofMinutes(45)));
        assertThat(Trigger.every(Duration.ofDays(2)).describe()).isEqualTo("every 2d");
    }

    @Test
    void aCronThatWouldNeverMatchCannotBeMadeSoEveryCronHasANextRun() {
        assertThatThrownBy(() -> Trigger.cron("0 0 30 2 *", "UTC")).hasMessageContaining("trigger.expression")
                .hasMessageContaining("never fires");
        assertThat(Trigger.cron("0 0 29 2 *", "UTC").nextAfter(Instant.parse("2096-03-01T00:00:00Z")))
                .contains(Instant.parse("2104-02-29T00:00:00Z"));
    }

    private static List<ZonedDateTime> runs(Trigger trigger, String from, int count) {
        ZoneId zone = ((Trigger.Cron) trigger).zone();
        List<ZonedDateTime> out = new ArrayList<>();
        Instant at = Instant.parse(from);
        for (int i = 0; i < count; i++) {
            at = trigger.nextAfter(at).orElseThrow();
            out.add(ZonedDateTime.ofInstant(at, zone));
        }
        return out;
    }

    private static List<Instant> instantsBetween(Trigger trigger, String from, String until) {
        List<Instant> out = new ArrayList<>();
        Instant at = Instant.parse(from);
        Instant end = Instant.parse(until);
        while (true) {
            at = trigger.nextAfter(at).orElseThrow();
            if (at.isAfter(end)) {
                return out;
            }
            out.add(at);
        }
    }

    private static void assertEvenlySpaced(List<Instant> instants, Duration spacing) {
        for (int i = 1; i < instants.size(); i++) {
            assertThat(Duration.between(instants.get(i - 1), instants.get(i))).as("gap before %s", instants.get(i))
                    .isEqualTo(spacing);
        }
    }

}
