package dev.shuffify.executor.raid.discovery;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the service's release dates, which come as {@code 1999}, {@code 1999-05} or {@code 1999-05-12}. */
final class ReleaseDates {
    private ReleaseDates() {
    }

    /**
     * The last day a release date may stand for: the day itself, the month's last day, or the year's last day.
     * An imprecise date is treated as late as it could be, so a release of "this year" is never missed.
     *
     * @param releaseDate the date as the service gives it; may be null
     * @return the day, or empty when the date is missing or unreadable
     */
    static Optional<LocalDate> latestDay(String releaseDate) {
        if (releaseDate == null) {
            return Optional.empty();
        }
        String s = releaseDate.trim();
        try {
            return switch (s.length()) {
                case 4 -> Optional.of(LocalDate.of(Integer.parseInt(s), 12, 31));
                case 7 -> Optional.of(YearMonth.parse(s).atEndOfMonth());
                case 10 -> Optional.of(LocalDate.parse(s));
                default -> Optional.empty();
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
