package dev.shuffify.executor.raid.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.Params;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class StrategyValidationTest {

    private static void assertRejected(DiscoveryStrategy strategy, String argument, String messagePart) {
        assertThatThrownBy(() -> strategy.validate(DiscoverySource.of(strategy.id(), argument)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(ValidationException.FieldError::field)
                            .containsExactly("argument");
                    assertThat(e.errors().get(0).message()).contains(messagePart);
                });
    }

    @Test
    void everyBuiltInStrategyIsRegisteredOnceThroughTheServiceLoader() {
        List<String> ids = ServiceLoader.load(DiscoveryStrategy.class).stream().map(p -> p.get().id()).toList();
        assertThat(ids).containsExactlyInAnyOrder("playlist", "liked", "artist", "album_queue", "search");
    }

    @Test
    void playlistNeedsAPlaylistReference() {
        PlaylistDiscovery strategy = new PlaylistDiscovery();
        assertThatCode(() -> strategy.validate(DiscoverySource.playlist("https://open.spotify.com/playlist/abc?si=1")))
                .doesNotThrowAnyException();
        assertRejected(strategy, null, "is required: a playlist id");
        assertRejected(strategy, "spotify:artist:abc", "names an artist, not a playlist");
    }

    @Test
    void artistNeedsAnArtistReference() {
        ArtistDiscovery strategy = new ArtistDiscovery();
        assertThatCode(() -> strategy.validate(DiscoverySource.of("artist", "spotify:artist:0OdUWJ0sBjDrqHygGUXeCF")))
                .doesNotThrowAnyException();
        assertRejected(strategy, "", "is required: an artist id");
        assertRejected(strategy, "https://open.spotify.com/track/abc", "names a track, not an artist");
    }

    @Test
    void artistSinceIsADate() {
        assertThatThrownBy(() -> Params.parse(new ArtistDiscovery().parameters(), Map.of("since", "last week"),
                "params")).isInstanceOf(ValidationException.class).hasMessageContaining("params.since")
                .hasMessageContaining("yyyy-mm-dd");
    }

    @Test
    void likedTakesNoArgumentAndABoundedLimit() {
        LikedDiscovery strategy = new LikedDiscovery();
        assertThatCode(() -> strategy.validate(DiscoverySource.of("liked", null))).doesNotThrowAnyException();
        assertThatCode(() -> strategy.validate(DiscoverySource.of("liked", " "))).doesNotThrowAnyException();
        assertRejected(strategy, "abc", "takes no argument");
        assertThat(Params.parse(strategy.parameters(), Map.of(), "params").getInt("limit")).isEqualTo(50);
        assertThatThrownBy(() -> Params.parse(strategy.parameters(), Map.of("limit", 0), "params"))
                .hasMessageContaining("params.limit");
    }

    @Test
    void searchNeedsAQueryOfBoundedLength() {
        SearchDiscovery strategy = new SearchDiscovery();
        assertThatCode(() -> strategy.validate(DiscoverySource.of("search", "genre:jazz year:1960-1969")))
                .doesNotThrowAnyException();
        assertRejected(strategy, "   ", "is required: a search query");
        assertRejected(strategy, "x".repeat(251), "at most 250 characters");
        assertThatThrownBy(() -> Params.parse(strategy.parameters(), Map.of("limit", 51), "params"))
                .hasMessageContaining("params.limit").hasMessageContaining("1..50");
    }

    @Test
    void albumQueueReadsEveryFormSeparatedByCommasOrSpaces() {
        assertThat(AlbumQueueDiscovery.albumIds("""
                4aawyAB9vmqN3uQ7FjRGTy, spotify:album:1A2GTWGtFfWp7KSQTwWOyo
                https://open.spotify.com/album/6dVIqQ8qmQ5GBnJ9shOYGE?si=x 4aawyAB9vmqN3uQ7FjRGTy"""))
                .containsExactly("4aawyAB9vmqN3uQ7FjRGTy", "1A2GTWGtFfWp7KSQTwWOyo", "6dVIqQ8qmQ5GBnJ9shOYGE");
    }

    @Test
    void albumQueueNamesTheBadEntry() {
        AlbumQueueDiscovery strategy = new AlbumQueueDiscovery();
        assertRejected(strategy, "spotify:album:abc, spotify:playlist:def", "entry 2 of 2");
        assertRejected(strategy, null, "one or more albums");
        String tooMany = String.join(",", java.util.stream.IntStream.range(0, 201).mapToObj(i -> "album" + i)
                .toList());
        assertRejected(strategy, tooMany, "at most 200 albums");
    }
}
