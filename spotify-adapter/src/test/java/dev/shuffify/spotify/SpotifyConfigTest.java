package dev.shuffify.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpotifyConfigTest {

    @Test
    void defaultsToTheCurrentDialectThePublicServiceAndTheDocumentedPolicy() {
        SpotifyConfig config = SpotifyConfig.builder("id", "s3cret").build();

        assertThat(config.dialect()).isEqualTo(ApiDialect.ITEMS);
        assertThat(config.apiBaseUri()).isEqualTo(URI.create("https://api.spotify.com"));
        assertThat(config.accountsBaseUri()).isEqualTo(URI.create("https://accounts.spotify.com"));
        assertThat(config.maxAttempts()).isEqualTo(6);
        assertThat(config.rateWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.refreshAhead()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.toString()).contains("id").doesNotContain("s3cret");
    }

    @Test
    void rejectsBadSettingsNamingTheFieldAndWhatIsAllowed() {
        assertThatThrownBy(() -> SpotifyConfig.builder(" ", null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field)
                        .containsExactly("clientId", "clientSecret"));
        SpotifyConfig.Builder b = SpotifyConfig.builder("id", "secret");
        assertThatThrownBy(() -> b.apiBaseUri(URI.create("http://localhost:8080/v1")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("apiBaseUri").hasMessageContaining("no path");
        assertThatThrownBy(() -> b.maxAttempts(0)).hasMessageContaining("maxAttempts: must be between 1 and 10");
        assertThatThrownBy(() -> b.health(5, 2)).hasMessageContaining("quarantinedAfter");
        assertThatThrownBy(() -> b.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> b.jobDeadline(Duration.ZERO)).hasMessageContaining("jobDeadline");
        assertThatThrownBy(() -> TokenCipher.ofKey(new byte[7])).isInstanceOf(ValidationException.class)
                .hasMessageContaining("16, 24 or 32 bytes");
    }

    @Test
    void aServiceRejectsIdsThatAreNotSpotifyIdsBeforeAnyCall() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();

            assertThatThrownBy(() -> service.playlist("../me")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("playlistId");
            assertThatThrownBy(() -> service.artistAlbums("")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("artistId");
            assertThat(f.fake.apiRequests()).isZero();
        }
    }
}
