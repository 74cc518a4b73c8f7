package dev.shuffify.executor.raid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import org.junit.jupiter.api.Test;

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

    @Test
    void readsEpisodesOnlyWhenTheyAreNamedAsEpisodes() {
        assertThat(uri("spotify:episode:512ojhOuo1ktJprKbVcKyQ")).isEqualTo("spotify:episode:512ojhOuo1ktJprKbVcKyQ");
        assertThat(uri("https://open.spotify.com/episode/512ojhOuo1ktJprKbVcKyQ"))
                .isEqualTo("spotify:episode:512ojhOuo1ktJprKbVcKyQ");
        assertThat(uri("myepisode1")).isEqualTo("spotify:track:myepisode1");
    }

    @Test
    void rejectsOtherKindsNamingTheEntry() {
        assertThatThrownBy(() -> uri("spotify:album:4aawyAB9vmqN3uQ7FjRGTy"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("params.excluded_tracks[0]");
                    assertThat(e.errors().get(0).message()).contains("names an album, not a track");
                });
    }
}
