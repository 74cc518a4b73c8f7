package dev.shuffify.examples.spotify;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.ShuffifyException;
import dev.shuffify.error.ValidationException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The Spotify demo: the embedded host run against a real Spotify account. It signs in with the refresh token
 * from the environment, lists the account's playlists, creates a shuffle, raid or rotate schedule on one of
 * them, and previews what its next run would write (the default, {@code --dry-run}) or runs it
 * ({@code --apply}).
 *
 * <pre>
 * export SPOTIFY_CLIENT_ID=… SPOTIFY_CLIENT_SECRET=… SPOTIFY_REFRESH_TOKEN=…
 * mvn -B -q -pl examples -am package -DskipTests exec:java \
 *     -Dexec.mainClass=dev.shuffify.examples.spotify.SpotifyDemo -Dexec.args="--job shuffle --algorithm balanced"
 * </pre>
 *
 * <p>Everything but {@link #main(String[])} is in {@link #run(String[], Map, PrintStream, PrintStream)}, which
 * takes the environment and the output streams, so tests run it against a local fake of the Web API
 * ({@code --api-base} and {@code --accounts-base}).
 */
public final class SpotifyDemo {

    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: the job, or Spotify, failed. */
    public static final int FAILED = 1;
    /** Exit code: a wrong option or a missing environment variable. */
    public static final int USAGE = 2;

    private SpotifyDemo() {
    }

    /**
     * Runs the demo and exits with its code.
     *
     * @param args the command line; {@code --help} lists the options
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * Runs the demo. Never prints a secret: not the client secret, not a refresh or access token.
     *
     * @param args the command line
     * @param env the environment: {@code SPOTIFY_CLIENT_ID}, {@code SPOTIFY_CLIENT_SECRET},
     *     {@code SPOTIFY_REFRESH_TOKEN}
     * @param out where the demo's report goes
     * @param err where errors go
     * @return {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (DemoOptions.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run with --help to see the options.");
            return USAGE;
        }
        if (options.help()) {
            out.print(DemoOptions.usage());
            return OK;
        }
        List<String> missing = SpotifyCredentials.missing(env);
        if (!missing.isEmpty()) {
            err.print(SpotifyCredentials.missingMessage(missing));
            return USAGE;
        }
        try (SpotifyHost host = SpotifyHost.start(SpotifyCredentials.from(env), options)) {
            try {
                return new DemoRun(host, options, new DemoOutput(out, host.observed(), options.show())).run();
            } finally {
                if (host.refreshTokenRotated()) {
                    out.println("Note: Spotify issued a new refresh token during this run; the one in "
                            + SpotifyCredentials.REFRESH_TOKEN + " may stop working. Log in again to get a new one.");
                }
            }
        } catch (ValidationException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (AuthenticationException e) {
            err.println("Spotify did not accept the login: " + e.getMessage());
            err.println("Check " + SpotifyCredentials.CLIENT_ID + " and " + SpotifyCredentials.CLIENT_SECRET
                    + ", or log in again for a new " + SpotifyCredentials.REFRESH_TOKEN + ".");
            return FAILED;
        } catch (PlaylistNotFoundException e) {
            err.println("error: " + e.getMessage() + " (is it one of this account's playlists?)");
            return FAILED;
        } catch (ShuffifyException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("unexpected error: " + e.getClass().getName() + ": " + e.getMessage());
            return FAILED;
        }
    }
}
