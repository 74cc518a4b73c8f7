package dev.shuffify.examples.spotify;

import dev.shuffify.spotify.fake.FakeSpotifyWebApi;
import dev.shuffify.spotify.fake.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The fake Web API with one logged-in user, and a way to run the demo against it. */
final class DemoFixture implements AutoCloseable {

    /** What one run of the demo printed and returned. */
    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    final ManualClock clock = new ManualClock(Instant.parse("2026-06-01T10:00:00Z"));
    final FakeSpotifyWebApi fake;
    final String refreshToken;

    DemoFixture(FakeSpotifyWebApi.Mode mode) {
        this.fake = FakeSpotifyWebApi.start(clock, mode);
        fake.addUser("alice");
        this.refreshToken = fake.issueRefreshToken("alice");
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("SPOTIFY_CLIENT_ID", FakeSpotifyWebApi.CLIENT_ID);
        env.put("SPOTIFY_CLIENT_SECRET", FakeSpotifyWebApi.CLIENT_SECRET);
        env.put("SPOTIFY_REFRESH_TOKEN", refreshToken);
        return env;
    }

    /** Runs the demo against the fake, with the fake's base URIs and the given options. */
    Result run(String... options) {
        return runWith(env(), options);
    }

    Result runWith(Map<String, String> env, String... options) {
        List<String> args = new ArrayList<>(List.of("--api-base", fake.baseUri().toString(),
                "--accounts-base", fake.baseUri().toString()));
        args.addAll(List.of(options));
        return runRaw(env, args.toArray(String[]::new));
    }

    static Result runRaw(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = SpotifyDemo.run(args, env, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Requests that change something on the fake (any API request but a GET). */
    long writeRequests() {
        return fake.exchanges().stream().filter(e -> e.path().startsWith("/v1/") && !e.method().equals("GET"))
                .count();
    }

    /** Every secret the run could leak: the client secret and every token the fake issued. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>(fake.issuedTokens());
        secrets.add(FakeSpotifyWebApi.CLIENT_SECRET);
        return secrets;
    }

    @Override
    public void close() {
        fake.close();
    }
}
