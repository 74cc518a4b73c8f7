package dev.shuffify.executor.raid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExcludedTracksTest {
    private static String uri(String entry) {
        return RaidExecutor.excludedUri(entry, "params.excluded_tracks[0]");
    }

    @Test
    void readsTrackIdsUrisAndLinks() {
        assertThat(uri("6rqhFgbbKwnb9MLmUQDhG6")).isEqualTo("spotify:track:6rqhFgbbKwnb9MLmUQDhG6");
        assertThat(uri("spotify:track:6rqhFgbbKwnb9MLmUQDhG6")).isEqualTo("spotify:track:6rqhFgbbKwnb9MLmUQDhG6");
        assertThat(uri("https://open.spotify.com/track/6rqhFgbbKwnb9MLmUQDhG6?si=9"))
                .isEqualTo("spotify:track:6rqhFgbbKwnb9MLmUQDhG6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4uLU6hMCjMI75M1A2tKUQC", "  4uLU6hMCjMI75M1A2tKUQC ", "spotify:track:4uLU6hMCjMI75M1A2tKUQC",
            "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC",
            "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=a1b2c3&context=spotify%3Aplaylist%3Ax",
            "open.spotify.com/intl-de/track/4uLU6hMCjMI75M1A2tKUQC/", "http://play.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"})
    void acceptsEveryFormWithAValidTrackId(String entry) {
        assertThat(uri(entry)).isEqualTo("spotify:track:4uLU6hMCjMI75M1A2tKUQC");
    }

    @Test
    void readsEpisodesOnlyWhenTheyAreNamedAsEpisodes() {
        assertThat(uri("spotify:episode:512ojhOuo1ktJprKbVcKyQ")).isEqualTo("spotify:episode:512ojhOuo1ktJprKbVcKyQ");
        assertThat(uri("https://open.spotify.com/episode/512ojhOuo1ktJprKbVcKyQ"))
                .isEqualTo("spotify:episode:512ojhOuo1ktJprKbVcKyQ");
        assertThat(uri("myepisode1234567890abc")).isEqualTo("spotify:track:myepisode1234567890abc");
    }

    @Test
    void rejectsOtherKindsNamingTheEntry() {
        assertThatThrownBy(() -> uri("spotify:album:4aawyAB9vmqN3uQ7FjRGTy"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("params.excluded_tracks[0]");
                    assertThat(e.errors().get(0).message()).contains("names an album, not a track");
                });
    }

    /** A track id is exactly 22 letters and digits, whatever form carries it. */
    @ParameterizedTest
    @ValueSource(strings = {"42", "spotify:track:42", "https://open.spotify.com/track/42?si=1",
            "4uLU6hMCjMI75M1A2tKUQ", "4uLU6hMCjMI75M1A2tKUQCx", "4uLU6hMCjMI75M1A2tKU_C", "4uLU6hMCjMI75M1A2tKU-C",
            "spotify:track:4uLU6hMCjMI75M1A2tKU-C", "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQCx"})
    void rejectsATrackIdOfTheWrongLengthOrCharactersSayingWhatIsAllowed(String entry) {
        assertThatThrownBy(() -> uri(entry)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("params.excluded_tracks[0]");
                assertThat(error.message()).startsWith("'" + entry + "' does not name a track by a valid id")
                        .contains("exactly 22 letters and digits (A-Z, a-z, 0-9)")
                        .contains("a spotify:track:… uri or an https://open.spotify.com/track/… link");
            });
        });
    }
}
