package dev.shuffify.benchmarks;

import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Execution;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import dev.shuffify.spotify.ApiDialect;
import dev.shuffify.spotify.SpotifyConfig;
import dev.shuffify.spotify.fake.Exchange;
import dev.shuffify.spotify.fake.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Table 3: API calls each job type makes through the real Spotify adapter against the fake Web API, against the
 * fewest calls the service allows: every playlist the job must know read once ({@code ceil(N / page)} requests,
 * the first page embedded in {@code GET /v1/playlists/{id}}) and every write batched at 100 items.
 *
 * <p>Each cell runs in a fresh world twice: once with post-write verification off (the job's own calls) and
 * once with it on; the difference is the verification re-read, reported beside its own minimum. Time is a
 * manual clock, so the rate budget never makes the run wait; the simulated time each job took under the default
 * budget (150 calls per rolling 30 s) is reported too.
 */
public final class ApiEconomyBenchmark {

    /** The job types measured. */
    public enum Job {
        /** raid from one playlist of new tracks. */
        RAID("raid"),
        /** shuffle written with replace. */
        SHUFFLE_REPLACE("shuffle (replace)"),
        /** shuffle written with in-place moves. */
        SHUFFLE_REORDER("shuffle (reorder)"),
        /** shuffle written with in-place moves, under the adapter's default job deadline (15 minutes). */
        SHUFFLE_REORDER_DEFAULT_DEADLINE("shuffle (reorder), default deadline"),
        /** raid then shuffle (replace) in one execution. */
        RAID_AND_SHUFFLE("raid_and_shuffle"),
        /** rotate archive_oldest. */
        ROTATE_ARCHIVE_OLDEST("rotate archive_oldest"),
        /** rotate refresh. */
        ROTATE_REFRESH("rotate refresh"),
        /** rotate swap. */
        ROTATE_SWAP("rotate swap");

        final String label;

        Job(String label) {
            this.label = label;
        }
    }

    /**
     * One measured cell.
     *
     * @param dialect the API dialect
     * @param job the job
     * @param tracks N, the target's size
     * @param calls API calls of the job (verification off)
     * @param minimum the fewest calls the service allows for what the job did
     * @param verifyCalls extra API calls when verification is on
     * @param verifyMinimum one read of every written playlist after the job
     * @param tokenCalls token endpoint calls during the job
     * @param byEndpoint API calls per endpoint (verification off)
     * @param status the execution's status (verification on)
     * @param minimumRule how the minimum was counted
     * @param duration how long the job took on the manual clock (verification on): the waits the default rate
     *     budget of 150 calls per 30 s imposes
     */
    public record Row(ApiDialect dialect, Job job, int tracks, int calls, int minimum, int verifyCalls,
            int verifyMinimum, int tokenCalls, Map<String, Integer> byEndpoint, String status, String minimumRule,
            Duration duration) {
        /** @return calls / minimum */
        public double ratio() {
            return (double) calls / minimum;
        }
    }

    private static final String USER = "bench-user";

    private ApiEconomyBenchmark() {
    }

    /**
     * Runs the table.
     *
     * @param args {@code [--quick] [--out FILE]}
     */
    public static void main(String[] args) {
        Options options = Options.parse(args);
        List<Integer> sizes = options.quick() ? List.of(50, 500) : List.of(50, 500, 5000);
        StringBuilder out = new StringBuilder();
        long[] ticks = Machine.cpuTicks();
        for (ApiDialect dialect : ApiDialect.values()) {
            Table table = new Table("job", "N", "API calls", "minimum", "ratio (goal 1.0)",
                    "verification re-read (calls / minimum)", "job time at 150 calls / 30 s", "calls by endpoint",
                    "minimum counted as");
            for (Job job : Job.values()) {
                for (int n : sizes) {
                    Row r = measure(dialect, job, n);
                    table.row(job.label, n, r.calls(), r.minimum(), String.format(Locale.ROOT, "%.2f", r.ratio()),
                            r.verifyCalls() + " / " + r.verifyMinimum(), duration(r.duration()),
                            endpoints(r.byEndpoint()),
                            r.minimumRule() + (r.status().equals("success") ? "" : " — status " + r.status()));
                }
            }
            out.append(String.format(Locale.ROOT, "### Table 3 (%s dialect, pages of %d)%n%n", dialect,
                    pageSize(dialect)));
            out.append(table.markdown()).append('\n');
        }
        out.append(Machine.steal(ticks, Machine.cpuTicks())).append(" during this table.\n");
        options.report(out.toString());
    }

    /**
     * Measures one cell (two fresh worlds: verification off, then on).
     *
     * @param dialect the dialect
     * @param job the job
     * @param n the target's size
     * @return the row
     */
    public static Row measure(ApiDialect dialect, Job job, int n) {
        Run plain = run(dialect, job, n, false);
        Run verified = run(dialect, job, n, true);
        return new Row(dialect, job, n, plain.calls, plain.minimum, verified.calls - plain.calls,
                verified.verifyMinimum, plain.tokenCalls, plain.byEndpoint, verified.status, plain.rule,
                verified.simulated);
    }

    private record Run(int calls, int minimum, int verifyMinimum, int tokenCalls, Map<String, Integer> byEndpoint,
            String status, String rule, Duration simulated) {
    }

    private static Run run(ApiDialect dialect, Job job, int n, boolean verify) {
        ManualClock clock = new ManualClock(Instant.parse("2026-06-01T10:00:00Z"));
        // a long deadline but for one row: at the default budget a reorder of 5,000 tracks outlasts the default
        // 15 minutes, and the engine refuses it before its first write
        Duration deadline = job == Job.SHUFFLE_REORDER_DEFAULT_DEADLINE ? SpotifyConfig.builder("id", "secret")
                .build().jobDeadline() : Duration.ofHours(3);
        try (SpotifyWorld world = new SpotifyWorld(dialect, clock, clock.sleeper(), b -> b.jobDeadline(deadline))) {
            world.login(USER);
            List<String> targetUris = world.fake.addTracks("target", n);
            String target = world.fake.createPlaylist(USER, "Target", targetUris);
            int sourceSize = Math.max(10, n / 10);
            int rotation = Math.max(5, n / 10);
            JobSpec.Builder spec = JobSpec.builder(jobType(job)).target(target, "Target");
            String source = null;
            String archive = null;
            if (job == Job.RAID || job == Job.RAID_AND_SHUFFLE) {
                source = world.fake.createPlaylist(USER, "Source", world.fake.addTracks("source", sourceSize));
                spec.source(DiscoverySource.playlist(source));
            }
            boolean reorder = job == Job.SHUFFLE_REORDER || job == Job.SHUFFLE_REORDER_DEFAULT_DEADLINE;
            if (job == Job.SHUFFLE_REPLACE || reorder || job == Job.RAID_AND_SHUFFLE) {
                spec.algorithm("basic");
                spec.param("write_mode", reorder ? "reorder" : "replace");
            }
            if (job.name().startsWith("ROTATE")) {
                archive = world.fake.createPlaylist(USER, "Archive", world.fake.addTracks("archive", n));
                world.shuffify.pairs().create(USER, target, archive);
                spec.param("rotation_mode", job.name().substring("ROTATE_".length()).toLowerCase(Locale.ROOT));
                spec.param("rotation_count", rotation);
            }
            Schedule schedule = world.shuffify.schedules().create(USER,
                    ScheduleDefinition.of(spec.build(), Trigger.named("daily")).withVerifyWrites(verify));
            world.connector.connect(USER).currentUserId();
            List<String> before = world.fake.playlistUris(target);
            List<String> archiveBefore = archive == null ? List.of() : world.fake.playlistUris(archive);
            world.fake.resetLog();
            Instant started = clock.instant();
            String status;
            try {
                Execution e = world.shuffify.runs().runNow(USER, schedule.id());
                status = e.status().wireName();
            } catch (RuntimeException e) {
                status = "failed: " + e.getMessage();
            }
            Duration simulated = Duration.between(started, clock.instant());
            List<Exchange> exchanges = world.fake.exchanges();
            Map<String, Integer> byEndpoint = new TreeMap<>();
            int api = 0;
            int token = 0;
            for (Exchange x : exchanges) {
                if (x.path().startsWith("/v1/")) {
                    api++;
                    byEndpoint.merge(x.endpoint(), 1, Integer::sum);
                } else {
                    token++;
                }
            }
            List<String> after = world.fake.playlistUris(target);
            List<String> archiveAfter = archive == null ? List.of() : world.fake.playlistUris(archive);
            int page = pageSize(dialect);
            int minimum;
            String rule;
            int verifyMinimum = reads(after.size(), page);
            switch (job) {
                case RAID -> {
                    int k = after.size() - before.size();
                    minimum = reads(n, page) + reads(sourceSize, page) + writes(k);
                    rule = "read target + read source + ceil(" + k + "/100) adds";
                }
                case SHUFFLE_REPLACE -> {
                    minimum = reads(n, page) + writes(n);
                    rule = "read + ceil(N/100) (one replace, then appends)";
                }
                case SHUFFLE_REORDER -> {
                    int moves = n - longestIncreasing(before, after);
                    minimum = reads(n, page) + moves;
                    rule = "read + N − LIS = " + moves + " single moves (the spec's bound; ranges can beat it)";
                }
                case SHUFFLE_REORDER_DEFAULT_DEADLINE -> {
                    int moves = n - longestIncreasing(before, after);
                    minimum = reads(n, page) + moves;
                    rule = moves == 0 ? "read only: nothing written"
                            : "read + N − LIS = " + moves + " single moves";
                }
                case RAID_AND_SHUFFLE -> {
                    minimum = reads(n, page) + reads(sourceSize, page) + writes(after.size());
                    rule = "read target + read source + ceil((N+k)/100): the new tracks ride in the replace";
                }
                default -> {
                    int c = Math.min(rotation, n);
                    int batches = writes(c);
                    int writeCalls = switch (job) {
                        case ROTATE_ARCHIVE_OLDEST -> 2 * batches;
                        case ROTATE_REFRESH -> 3 * batches;
                        default -> 4 * batches;
                    };
                    minimum = reads(n, page) + reads(archiveBefore.size(), page) + writeCalls;
                    rule = "read both + " + writeCalls / batches + " write kinds × ceil(" + c + "/100)";
                    verifyMinimum += reads(archiveAfter.size(), page);
                }
            }
            return new Run(api, minimum, verifyMinimum, token, byEndpoint, status, rule, simulated);
        }
    }

    private static String jobType(Job job) {
        return switch (job) {
            case RAID -> "raid";
            case SHUFFLE_REPLACE, SHUFFLE_REORDER, SHUFFLE_REORDER_DEFAULT_DEADLINE -> "shuffle";
            case RAID_AND_SHUFFLE -> "raid_and_shuffle";
            default -> "rotate";
        };
    }

    /**
     * The items per read request of a dialect.
     *
     * @param dialect the dialect
     * @return 50 for ITEMS, 100 for TRACKS
     */
    public static int pageSize(ApiDialect dialect) {
        return dialect == ApiDialect.ITEMS ? 50 : 100;
    }

    /**
     * Requests to read a playlist of {@code n} items: the playlist with its first page, then the other pages.
     *
     * @param n the items
     * @param page the page size
     * @return at least 1
     */
    public static int reads(int n, int page) {
        return Math.max(1, (n + page - 1) / page);
    }

    /**
     * Requests to write {@code k} items at 100 per call.
     *
     * @param k the items
     * @return {@code ceil(k / 100)}
     */
    public static int writes(int k) {
        return (k + 99) / 100;
    }

    /**
     * The length of the longest subsequence of {@code after} that keeps its order from {@code before} (the
     * items that need not move). Items are assumed distinct.
     *
     * @param before the old order
     * @param after the new order
     * @return the length
     */
    public static int longestIncreasing(List<String> before, List<String> after) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            index.put(before.get(i), i);
        }
        List<Integer> tails = new ArrayList<>();
        for (String uri : after) {
            Integer v = index.get(uri);
            if (v == null) {
                continue;
            }
            int lo = 0;
            int hi = tails.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tails.get(mid) < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo == tails.size()) {
                tails.add(v);
            } else {
                tails.set(lo, v);
            }
        }
        return tails.size();
    }

    private static String duration(Duration d) {
        return d.toMinutes() > 0 ? String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart())
                : d.toSeconds() + " s";
    }

    private static String endpoints(Map<String, Integer> byEndpoint) {
        List<String> parts = new ArrayList<>();
        byEndpoint.forEach((k, v) -> parts.add(k.replace("/v1/playlists/{playlist_id}", "{pl}") + " ×" + v));
        return String.join(", ", parts);
    }
}
