package dev.shuffify.executor.raid.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReleaseDatesTest {
    @Test
    void readsEachPrecisionAsTheLastDayItMayStandFor() {
        assertThat(ReleaseDates.latestDay("2024-03-15")).contains(LocalDate.of(2024, 3, 15));
        assertThat(ReleaseDates.latestDay("2024-02")).contains(LocalDate.of(2024, 2, 29));
        assertThat(ReleaseDates.latestDay("2023")).contains(LocalDate.of(2023, 12, 31));
    }

    @Test
    void givesNothingForMissingOrUnreadableDates() {
        assertThat(ReleaseDates.latestDay(null)).isEmpty();
        assertThat(ReleaseDates.latestDay("")).isEmpty();
        assertThat(ReleaseDates.latestDay("0000-13")).isEmpty();
        assertThat(ReleaseDates.latestDay("soon")).isEmpty();
        assertThat(ReleaseDates.latestDay("2024-02-30")).isEmpty();
    }
}
