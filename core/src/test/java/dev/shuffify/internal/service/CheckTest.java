package dev.shuffify.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The boundary limits are the JDBC schema's column sizes, in both dialects. */
class CheckTest {

    static String schema(String dialect) throws IOException {
        try (InputStream in = CheckTest.class.getResourceAsStream("/dev/shuffify/jdbc/" + dialect
                + "/V1__core_tables.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int size(String sql, String table, String column) {
        Matcher t = Pattern.compile("CREATE TABLE IF NOT EXISTS " + table + " \\((.*?)\\n\\);", Pattern.DOTALL)
                .matcher(sql);
        assertThat(t.find()).as(table).isTrue();
        Matcher c = Pattern.compile("\\n\\s*" + column + " VARCHAR\\((\\d+)\\)").matcher(t.group(1));
        assertThat(c.find()).as(table + "." + column).isTrue();
        return Integer.parseInt(c.group(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theLimitsAreTheColumnSizes(String dialect) throws IOException {
        String sql = schema(dialect);
        for (String[] col : List.of(new String[] {"shuffify_schedules", "id"},
                new String[] {"shuffify_schedules", "user_id"}, new String[] {"shuffify_schedules", "job_type"},
                new String[] {"shuffify_schedules", "target_id"}, new String[] {"shuffify_snapshots", "id"},
                new String[] {"shuffify_snapshots", "playlist_id"}, new String[] {"shuffify_pairs", "production_id"},
                new String[] {"shuffify_pairs", "archive_id"}, new String[] {"shuffify_pins", "id"},
                new String[] {"shuffify_pins", "playlist_id"}, new String[] {"shuffify_settings", "user_id"})) {
            assertThat(size(sql, col[0], col[1])).as(col[0] + "." + col[1]).isEqualTo(Check.ID_LENGTH);
        }
        assertThat(size(sql, "shuffify_schedules", "target_name")).isEqualTo(Check.NAME_LENGTH);
        assertThat(size(sql, "shuffify_schedules", "cron_expression")).isEqualTo(Check.CRON_LENGTH);
        assertThat(size(sql, "shuffify_schedules", "cron_zone")).isEqualTo(Check.ZONE_LENGTH);
        assertThat(size(sql, "shuffify_pins", "uri")).isEqualTo(Check.URI_LENGTH);
    }

    @Test
    void longQuotationsInPluginMessagesAreCut() {
        ValidationException e = new ValidationException("job.algorithm", "unknown algorithm '" + "a".repeat(5000)
                + "'; known: basic");
        ValidationException bounded = Check.bounded(e);
        assertThat(bounded.errors()).singleElement().satisfies(err -> {
            assertThat(err.field()).isEqualTo("job.algorithm");
            assertThat(err.message()).isEqualTo("unknown algorithm '" + "a".repeat(64) + "…'; known: basic");
        });
        ValidationException shortOne = new ValidationException("job.type", "unknown job type 'nope'");
        assertThat(Check.bounded(shortOne)).isSameAs(shortOne);
    }

    @Test
    void anApostropheInTheTextIsNotTakenForAQuotation() {
        String message = "the episode's id must be 22 letters and digits, in a spotify:episode: uri or an"
                + " open.spotify.com link, not '" + "x".repeat(100) + "'";
        ValidationException bounded = Check.bounded(new ValidationException("job.params.excluded_tracks[0]",
                message));
        assertThat(bounded.errors().get(0).message()).isEqualTo("the episode's id must be 22 letters and digits,"
                + " in a spotify:episode: uri or an open.spotify.com link, not '" + "x".repeat(64) + "…'");
    }

    @Test
    void jobTypesAreTrimmedAndLowerCasedStepByStep() {
        assertThat(Check.jobType(" Raid + SHUFFLE ", List.of())).isEqualTo("raid+shuffle");
        assertThat(Check.jobType("raid_and_shuffle", List.of())).isEqualTo("raid_and_shuffle");
    }
}
