package dev.shuffify.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Triggers evaluated at injected times (daylight-saving transitions are covered with the scheduler). */
class TriggerTest {

    static final Instant MONDAY_NOON = Instant.parse("2026-01-05T12:00:00Z");
    static final ZoneId UTC = ZoneOffset.UTC;

    static String field(ThrowingRunnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            assertThat(e.errors()).hasSize(1);
            return e.errors().get(0).field();
        }
        throw new AssertionError("expected a ValidationException");
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run();
    }

    @Nested
    class Intervals {
        @Test
        void theNamedValuesHaveTheirDocumentedLengthsInOrder() {
            assertThat(Trigger.NAMED_INTERVALS).containsExactly(
                    Map.entry("hourly", Duration.ofHours(1)), Map.entry("every_6h", Duration.ofHours(6)),
                    Map.entry("every_12h", Duration.ofHours(12)), Map.entry("daily", Duration.ofDays(1)),
                    Map.entry("every_3d", Duration.ofDays(3)), Map.entry("weekly", Duration.ofDays(7)));
            Trigger.NAMED_INTERVALS.forEach((name, length) -> {
                Trigger.Interval t = Trigger.named(name);
                assertThat(t.every()).isEqualTo(length);
                assertThat(t.describe()).isEqualTo(name);
                assertThat(t.nextAfter(MONDAY_NOON)).contains(MONDAY_NOON.plus(length));
            });
        }

        @Test
        void namesAreCaseInsensitiveAndTrimmed() {
            assertThat(Trigger.named(" Daily ").name()).isEqualTo("daily");
        }

        @ParameterizedTest
        @ValueSource(strings = {"fortnightly", "", "every_2h"})
        void anUnknownNameIsRejectedListingTheAllowedOnes(String name) {
            assertThatThrownBy(() -> Trigger.named(name)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.errors()).singleElement().satisfies(err -> {
                        assertThat(err.field()).isEqualTo("trigger.interval");
                        assertThat(err.message()).contains("'" + name + "'")
                                .contains("hourly, every_6h, every_12h, daily, every_3d, weekly")
                                .contains("every N minutes/hours/days");
                    }));
            assertThat(field(() -> Trigger.named(null))).isEqualTo("trigger.interval");
        }

        @Test
        void everyNMinutesHoursOrDaysIsDescribedInItsLargestUnit() {
            assertThat(Trigger.every(Duration.ofMinutes(30)).describe()).isEqualTo("every 30m");
            assertThat(Trigger.every(Duration.ofMinutes(90)).describe()).isEqualTo("every 90m");
            assertThat(Trigger.every(Duration.ofHours(6)).describe()).isEqualTo("every 6h");
            assertThat(Trigger.every(Duration.ofDays(2)).describe()).isEqualTo("every 2d");
            assertThat(Trigger.every(Duration.ofMinutes(1)).nextAfter(MONDAY_NOON))
                    .contains(MONDAY_NOON.plusSeconds(60));
        }

        @Test
        void anIntervalMustBeWholeMinutesOfAtLeastOne() {
            for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(90),
                    Duration.ofMinutes(-5), null}) {
                assertThatThrownBy(() -> Trigger.every(bad)).as(String.valueOf(bad))
                        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                                .extracting(FieldError::field).containsExactly("trigger.interval"));
            }
        }
    }

    @Nested
    class Crons {
        @Test
        void fiveFieldsInTheGivenZone() {
            Trigger.Cron daily6 = Trigger.cron("0 6 * * *", ZoneId.of("Europe/Paris"));
            assertThat(daily6.nextAfter(MONDAY_NOON)).contains(Instant.parse("2026-01-06T05:00:00Z"));
            assertThat(daily6.describe()).isEqualTo("cron '0 6 * * *' Europe/Paris");
            Trigger.Cron ny = Trigger.cron("0 6 * * *", "America/New_York");
            assertThat(ny.nextAfter(MONDAY_NOON)).contains(Instant.parse("2026-01-06T11:00:00Z"));
        }

        @Test
        void theNextRunIsStrictlyAfterTheGivenTime() {
            Trigger.Cron noon = Trigger.cron("0 12 * * *", UTC);
            assertThat(noon.nextAfter(MONDAY_NOON)).contains(MONDAY_NOON.plus(Duration.ofDays(1)));
            assertThat(noon.nextAfter(MONDAY_NOON.minusSeconds(1))).contains(MONDAY_NOON);
        }

        @ParameterizedTest
        @CsvSource({"0, SUNDAY", "7, SUNDAY", "1, MONDAY", "6, SATURDAY", "SUN, SUNDAY", "MON, MONDAY"})
        void dayOfWeekFollowsUnixSemantics(String dayOfWeek, DayOfWeek expected) {
            Trigger.Cron cron = Trigger.cron("30 2 * * " + dayOfWeek, UTC);
            Instant next = cron.nextAfter(MONDAY_NOON).orElseThrow();
            ZonedDateTime at = next.atZone(UTC);
            assertThat(at.getDayOfWeek()).isEqualTo(expected);
            assertThat(at.getHour()).isEqualTo(2);
            assertThat(at.getMinute()).isEqualTo(30);
            assertThat(Duration.between(MONDAY_NOON, next)).isLessThanOrEqualTo(Duration.ofDays(7));
        }

        @Test
        void weekdaysOnlySkipTheWeekend() {
            Trigger.Cron weekdays = Trigger.cron("0 8 * * 1-5", UTC);
            Instant friday = Instant.parse("2026-01-09T09:00:00Z");
            assertThat(weekdays.nextAfter(friday)).contains(Instant.parse("2026-01-12T08:00:00Z"));
        }

        @Test
        void aSequenceOfRunsFollowsTheExpression() {
            Trigger.Cron everyQuarter = Trigger.cron("*/15 * * * *", UTC);
            List<Instant> runs = new ArrayList<>();
            Instant t = Instant.parse("2026-01-05T12:07:00Z");
            for (int i = 0; i < 4; i++) {
                t = everyQuarter.nextAfter(t).orElseThrow();
                runs.add(t);
            }
            assertThat(runs).containsExactly(Instant.parse("2026-01-05T12:15:00Z"),
                    Instant.parse("2026-01-05T12:30:00Z"), Instant.parse("2026-01-05T12:45:00Z"),
                    Instant.parse("2026-01-05T13:00:00Z"));
        }

        @Test
        void whitespaceIsNormalised() {
            assertThat(Trigger.cron("  0   6 *  * * ", UTC).expression()).isEqualTo("0 6 * * *");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0 6 * *", "0 0 6 * * *", "61 6 * * *", "0 25 * * *", "0 6 * * 8", "hello world"
                + " a b c", "", "   "})
        void badExpressionsAreRejectedNamingTheExpression(String expression) {
            assertThatThrownBy(() -> Trigger.cron(expression, UTC)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.errors()).singleElement().satisfies(err -> {
                        assertThat(err.field()).isEqualTo("trigger.expression");
                        assertThat(err.message()).containsAnyOf("five fields", "not a valid cron expression");
                    }));
        }

        @Test
        void aMissingOrUnknownZoneIsRejectedNamingTheZone() {
            assertThat(field(() -> Trigger.cron("0 6 * * *", (ZoneId) null))).isEqualTo("trigger.zone");
            assertThat(field(() -> Trigger.cron("0 6 * * *", (String) null))).isEqualTo("trigger.zone");
            assertThatThrownBy(() -> Trigger.cron("0 6 * * *", "Mars/Olympus"))
                    .hasMessageContaining("trigger.zone").hasMessageContaining("Mars/Olympus")
                    .hasMessageContaining("Europe/Paris or UTC");
            assertThat(field(() -> Trigger.cron(null, UTC))).isEqualTo("trigger.expression");
        }

        @Test
        void anExpressionThatMatchesNoDateIsRejectedNamingTheExpression() {
            for (String never : List.of("0 4 31 2 *", "0 0 30 2 *", "0 0 30,31 2 *", "0 0 31 4,6,9,11 *")) {
                assertThatThrownBy(() -> Trigger.cron(never, UTC)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(err -> {
                            assertThat(err.field()).isEqualTo("trigger.expression");
                            assertThat(err.message()).contains("'" + never + "' never fires")
                                    .contains("February has at most 29 days");
                        }));
            }
        }

        @Test
        void rareButPossibleDatesAreAccepted() {
            // 29 February fires in leap years only
            assertThat(Trigger.cron("0 0 29 2 *", UTC).nextAfter(MONDAY_NOON))
                    .contains(Instant.parse("2028-02-29T00:00:00Z"));
            assertThat(Trigger.cron("0 0 31 4,5 *", UTC).nextAfter(MONDAY_NOON)).isPresent();
            // day of month and day of week both restricted: either matches (Unix cron), so this fires on Mondays
            assertThat(Trigger.cron("0 4 31 2 1", UTC).nextAfter(MONDAY_NOON)).isPresent();
        }
    }

    @Test
    void anIntervalNameMustMatchItsLength() {
        assertThatThrownBy(() -> new Trigger.Interval("daily", Duration.ofHours(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trigger.interval")
                .hasMessageContaining("'daily'");
        assertThat(new Trigger.Interval("daily", Duration.ofDays(1)).describe()).isEqualTo("daily");
        assertThat(new Trigger.Interval(null, Duration.ofMinutes(90)).describe()).isEqualTo("every 90m");
    }
}
