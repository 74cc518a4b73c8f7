package dev.shuffify.executor.raid.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogLinksTest {
    private static final String ID = "37i9dQZF1DXcBWIGoYBM5M";

    @ParameterizedTest
    @ValueSource(strings = {
        ID,
        "  " + ID + "\n",
        "spotify:playlist:" + ID,
        "spotify:user:spotify:playlist:" + ID,
        "https://open.spotify.com/playlist/" + ID,
        "https://open.spotify.com/playlist/" + ID + "?si=4f8a1c2b3d",
        "https://open.spotify.com/playlist/" + ID + "/",
        "http://open.spotify.com/playlist/" + ID + "#top",
        "open.spotify.com/playlist/" + ID,
        "https://open.spotify.com/intl-de/playlist/" + ID + "?si=x&pt=y",
        "https://open.spotify.com/embed/playlist/" + ID,
        "https://open.spotify.com/user/someone/playlist/" + ID,
        "https://play.spotify.com/playlist/" + ID,
        "HTTPS://OPEN.SPOTIFY.COM/playlist/" + ID,
    })
    void acceptsEveryFormOfAPlaylistReference(String input) {
        assertThat(CatalogLinks.id(input, "playlist", "argument")).isEqualTo(ID);
        assertThat(CatalogLinks.tryId(input, "playlist")).contains(ID);
    }

    @Test
    void keepsTheCaseOfTheId() {
        assertThat(CatalogLinks.id("https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy", "album", "argument"))
                .isEqualTo("4aawyAB9vmqN3uQ7FjRGTy");
    }

    @Test
    void buildsUris() {
        assertThat(CatalogLinks.uri("https://open.spotify.com/track/6rqhFgbbKwnb9MLmUQDhG6?si=1", "track", "f"))
                .isEqualTo("spotify:track:6rqhFgbbKwnb9MLmUQDhG6");
    }

    @Test
    void rejectsALinkToAnotherKindNamingBoth() {
        assertThatThrownBy(() -> CatalogLinks.id("spotify:album:4aawyAB9vmqN3uQ7FjRGTy", "playlist", "argument"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0).field()).isEqualTo("argument");
                    assertThat(e.errors().get(0).message()).contains("names an album, not a playlist")
                            .contains("https://open.spotify.com/playlist/");
                });
        assertThat(CatalogLinks.tryId("https://open.spotify.com/artist/0OdUWJ0sBjDrqHygGUXeCF", "playlist"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not an id", "https://example.com/playlist/abc", "spotify:playlist:",
        "https://open.spotify.com/playlist/", "spotify:playlist:a b", "ftp://open.spotify.com/playlist/abc"})
    void rejectsGarbageNamingTheFieldAndTheAcceptedForms(String input) {
        assertThatThrownBy(() -> CatalogLinks.id(input, "playlist", "sources[0].argument"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("sources[0].argument");
                    assertThat(e.errors().get(0).message()).contains("a playlist id, a spotify:playlist:… uri");
                });
        assertThat(CatalogLinks.tryId(input, "playlist")).isEmpty();
    }

    @Test
    void saysAMissingArgumentIsRequired() {
        assertThatThrownBy(() -> CatalogLinks.id("  ", "artist", "argument"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("argument: is required: an artist id");
        assertThatThrownBy(() -> CatalogLinks.id(null, "artist", "argument"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is required");
    }

    @Test
    void explainsThatShortLinksCannotBeResolved() {
        assertThatThrownBy(() -> CatalogLinks.id("https://spotify.link/AbCdEf", "playlist", "argument"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("short link")
                .hasMessageContaining("open.spotify.com");
    }

    @Test
    void refusesAnUnknownKindAsAProgrammingError() {
        assertThatThrownBy(() -> CatalogLinks.id(ID, "podcast", "argument"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("podcast");
    }
}
