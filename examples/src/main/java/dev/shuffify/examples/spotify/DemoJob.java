package dev.shuffify.examples.spotify;

import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Playlist;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the command line into the job a schedule runs. */
final class DemoJob {

    private static final Pattern STRATEGY = Pattern.compile("([a-z_]+)=(.*)", Pattern.DOTALL);

    private DemoJob() {
    }

    /**
     * The job of the demo's schedule.
     *
     * @param options the command line
     * @param target the target playlist
     * @return the job; the facade validates it when the schedule is created
     */
    static JobSpec spec(DemoOptions options, Playlist target) {
        JobSpec.Builder job = JobSpec.builder(options.job()).target(target.id(), target.name());
        if (options.raids()) {
            sources(options.sources()).forEach(job::source);
            job.param("limit", options.limit());
        }
        if (options.shuffles()) {
            job.algorithm(options.algorithm()).param("write_mode", options.writeMode());
        }
        if (options.job().equals("rotate")) {
            job.param("rotation_mode", options.rotationMode()).param("rotation_count", options.rotationCount());
        }
        return job.build();
    }

    /**
     * The raid's sources: {@code liked}, {@code strategy=argument}, or a playlist id, uri or link. None given
     * means the liked songs.
     *
     * @param given the {@code --source} values
     * @return the sources
     */
    static List<DiscoverySource> sources(List<String> given) {
        if (given.isEmpty()) {
            return List.of(DiscoverySource.of("liked", null));
        }
        return given.stream().map(DemoJob::source).toList();
    }

    private static DiscoverySource source(String value) {
        String v = value.trim();
        if (v.equals("liked")) {
            return DiscoverySource.of("liked", null);
        }
        Matcher m = STRATEGY.matcher(v);
        if (m.matches()) {
            String argument = m.group(2).trim();
            return DiscoverySource.of(m.group(1), argument.isEmpty() ? null : argument);
        }
        return DiscoverySource.playlist(v);
    }
}
