package dev.shuffify.examples.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without its environment variables the demo lists exactly what is missing, and prints no value. */
class MissingCredentialsTest {

    @Test
    void anEmptyEnvironmentListsAllThreeVariablesAndExitsWith2() {
        DemoFixture.Result r = DemoFixture.runRaw(Map.of(), "--playlist", "p1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("these environment variables, which are not set")
                .contains("SPOTIFY_CLIENT_ID").contains("SPOTIFY_CLIENT_SECRET").contains("SPOTIFY_REFRESH_TOKEN")
                .contains("docs/spotify.md").doesNotContain("Set already");
    }

    @Test
    void onlyTheMissingOrBlankVariablesAreListedAndNoValueIsPrinted() {
        Map<String, String> env = new HashMap<>();
        env.put("SPOTIFY_CLIENT_ID", "client-id-7f3a");
        env.put("SPOTIFY_CLIENT_SECRET", "   ");
        env.put("SPOTIFY_REFRESH_TOKEN", "AQD-refresh-token-value-9c1e");
        env.put("HOME", "/home/someone");

        DemoFixture.Result r = DemoFixture.runRaw(env);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("this environment variable, which is not set")
                .containsOnlyOnce("SPOTIFY_CLIENT_SECRET")
                .contains("Set already: SPOTIFY_CLIENT_ID, SPOTIFY_REFRESH_TOKEN")
                .doesNotContain("client-id-7f3a").doesNotContain("AQD-refresh-token-value-9c1e");
    }

    @Test
    void aMissingRefreshTokenAloneIsNamedWithWhatItIs() {
        Map<String, String> env = Map.of("SPOTIFY_CLIENT_ID", "id-1", "SPOTIFY_CLIENT_SECRET", "secret-2b9d");

        DemoFixture.Result r = DemoFixture.runRaw(env, "--apply", "--playlist", "p1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("SPOTIFY_REFRESH_TOKEN").contains("a refresh token from your login")
                .doesNotContain("secret-2b9d").doesNotContain("id-1");
        assertThat(r.err().lines().filter(l -> l.startsWith("  SPOTIFY_"))).hasSize(1);
    }
}
