package dev.shuffify.examples.spotify;

import dev.shuffify.spotify.ApiDialect;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Spotify demo's command line.
 *
 * @param help print the usage and stop
 * @param apply run the job for real (default: a dry run that only previews)
 * @param playlist the target playlist (id, uri or link), or null to pick the first own playlist with tracks
 * @param job {@code shuffle}, {@code raid}, {@code raid_and_shuffle} or {@code rotate}
 * @param algorithm the shuffle algorithm
 * @param writeMode the shuffle's write mode, {@code replace} or {@code reorder}
 * @param sources the raid's sources, as given
 * @param limit the most tracks a raid adds
 * @param archive the rotation's archive playlist, or null
 * @param rotationMode {@code archive_oldest}, {@code refresh} or {@code swap}
 * @param rotationCount how many tracks a rotation moves
 * @param seed the random seed, or null for unseeded
 * @param dialect the Web API dialect
 * @param apiBase the Web API's base URI, or null for Spotify's
 * @param accountsBase the accounts service's base URI, or null for Spotify's
 * @param show how many tracks of a playlist to list
 */
record DemoOptions(boolean help, boolean apply, String playlist, String job, String algorithm, String writeMode,
        List<String> sources, int limit, String archive, String rotationMode, int rotationCount, Long seed,
        ApiDialect dialect, URI apiBase, URI accountsBase, int show) {

    static final Set<String> JOBS = Set.of("shuffle", "raid", "raid_and_shuffle", "rotate");

    /** A command line the demo cannot run; exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Copies the list. */
    DemoOptions {
        sources = List.copyOf(sources);
    }

    boolean shuffles() {
        return job.equals("shuffle") || job.equals("raid_and_shuffle");
    }

    boolean raids() {
        return job.equals("raid") || job.equals("raid_and_shuffle");
    }

    /**
     * Parses a command line.
     *
     * @param args the arguments
     * @return the options
     * @throws UsageException naming the option that is wrong and what it takes
     */
    static DemoOptions parse(String[] args) {
        Parser p = new Parser(args);
        boolean help = false;
        Boolean apply = null;
        String playlist = null;
        String job = "shuffle";
        String algorithm = "balanced";
        String writeMode = "replace";
        List<String> sources = new ArrayList<>();
        int limit = 10;
        String archive = null;
        String rotationMode = "swap";
        int rotationCount = 5;
        Long seed = null;
        ApiDialect dialect = ApiDialect.ITEMS;
        URI apiBase = null;
        URI accountsBase = null;
        int show = 10;
        while (p.hasNext()) {
            String option = p.next();
            switch (option) {
                case "--help", "-h" -> help = true;
                case "--dry-run" -> apply = mode(apply, false);
                case "--apply" -> apply = mode(apply, true);
                case "--playlist" -> playlist = p.value(option);
                case "--job" -> job = oneOf(option, p.value(option), JOBS);
                case "--algorithm" -> algorithm = p.value(option);
                case "--write-mode" -> writeMode = oneOf(option, p.value(option), Set.of("replace", "reorder"));
                case "--source" -> sources.add(p.value(option));
                case "--limit" -> limit = positive(option, p.value(option));
                case "--archive" -> archive = p.value(option);
                case "--rotation-mode" -> rotationMode = p.value(option);
                case "--count" -> rotationCount = positive(option, p.value(option));
                case "--seed" -> seed = (long) integer(option, p.value(option));
                case "--dialect" -> dialect = ApiDialect.valueOf(oneOf(option, p.value(option),
                        Set.of("items", "tracks")).toUpperCase(Locale.ROOT));
                case "--api-base" -> apiBase = uri(option, p.value(option));
                case "--accounts-base" -> accountsBase = uri(option, p.value(option));
                case "--show" -> show = positive(option, p.value(option));
                default -> throw new UsageException("unknown option '" + option + "'");
            }
        }
        boolean applying = apply != null && apply;
        if (applying && playlist == null && !help) {
            throw new UsageException("--apply needs --playlist: the demo writes only to a playlist you name");
        }
        if (!sources.isEmpty() && !job.contains("raid")) {
            throw new UsageException("--source is for --job raid or raid_and_shuffle, not " + job);
        }
        if (archive != null && !job.equals("rotate")) {
            throw new UsageException("--archive is for --job rotate, not " + job);
        }
        return new DemoOptions(help, applying, playlist, job, algorithm, writeMode, sources, limit, archive,
                rotationMode, rotationCount, seed, dialect, apiBase, accountsBase, show);
    }

    private static Boolean mode(Boolean current, boolean apply) {
        if (current != null && current != apply) {
            throw new UsageException("choose --dry-run or --apply, not both");
        }
        return apply;
    }

    private static String oneOf(String option, String value, Set<String> allowed) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new UsageException(option + " must be one of " + String.join(", ", allowed.stream().sorted()
                    .toList()) + ", was '" + value + "'");
        }
        return v;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs an integer, was '" + value + "'");
        }
    }

    private static int positive(String option, String value) {
        int n = integer(option, value);
        if (n < 1) {
            throw new UsageException(option + " must be 1 or more, was " + n);
        }
        return n;
    }

    private static URI uri(String option, String value) {
        try {
            return URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " needs a URI such as http://127.0.0.1:8080, was '" + value + "'");
        }
    }

    /** Walks the arguments; {@code --name=value} counts as {@code --name value}. */
    private static final class Parser {
        private final List<String> args = new ArrayList<>();
        private int next;

        Parser(String[] raw) {
            for (String a : raw) {
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 2) {
                    args.add(a.substring(0, eq));
                    args.add(a.substring(eq + 1));
                } else {
                    args.add(a);
                }
            }
        }

        boolean hasNext() {
            return next < args.size();
        }

        String next() {
            return args.get(next++);
        }

        String value(String option) {
            if (!hasNext() || args.get(next).startsWith("--")) {
                throw new UsageException(option + " needs a value");
            }
            return next();
        }
    }

    /**
     * The usage text.
     *
     * @return several lines
     */
    static String usage() {
        return """
                Shuffify Spotify demo: previews (or runs) a shuffle, raid or rotate schedule on one of your playlists.

                Needs the environment variables SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET and SPOTIFY_REFRESH_TOKEN
                (see docs/spotify.md, "Running the Spotify demo"). Secrets are never printed.

                Usage: SpotifyDemo [options]

                  --dry-run              only preview: show the planned adds, removes and reorders (default)
                  --apply                run the job for real (needs --playlist)
                  --playlist ID          the target playlist: an id, a spotify:playlist: uri or an open.spotify.com
                                         link (default in a dry run: your first playlist with tracks)
                  --job NAME             shuffle (default), raid, raid_and_shuffle or rotate
                  --algorithm NAME       the shuffle algorithm (default balanced), e.g. basic, artist_spread,
                                         artist_spacing, album_sequence, merge_shuffle, newest_first
                  --write-mode MODE      how a shuffle writes: replace (default) or reorder (keeps added dates)
                  --source SOURCE        a raid source, repeatable (default: liked). SOURCE is a playlist id, uri
                                         or link, or liked, or strategy=argument with strategy one of playlist,
                                         liked, artist, album_queue, search (e.g. search=bossa nova)
                  --limit N              the most tracks a raid adds (default 10)
                  --archive ID           rotate: the archive playlist paired with the target (required in a dry
                                         run; with --apply, leaving it out creates "<name> (archive)")
                  --rotation-mode MODE   rotate: archive_oldest, refresh or swap (default swap)
                  --count N              rotate: how many tracks to rotate (default 5)
                  --seed N               a random seed, for a repeatable shuffle
                  --show N               how many tracks of a playlist to list (default 10)
                  --dialect D            the Web API dialect: items (default) or tracks (extended-quota apps)
                  --api-base URI         the Web API's base URI (default https://api.spotify.com)
                  --accounts-base URI    the accounts service's base URI (default https://accounts.spotify.com)
                  --help                 this text

                Exit codes: 0 done, 1 the job or Spotify failed, 2 a wrong option or a missing variable.
                """;
    }
}
