package dev.shuffify.internal.plugins;

import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Pin;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.Schedule;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.MembershipHistory;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.PluginLookup;
import dev.shuffify.spi.WritePlan;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The run's context as one step of a chain sees it: its own job spec and parameters, everything else shared. */
final class StepContext implements JobContext {
    private final JobContext run;
    private final JobSpec spec;
    private final Params params;

    StepContext(JobContext run, JobSpec spec, Params params) {
        this.run = run;
        this.spec = spec;
        this.params = params;
    }

    @Override
    public Schedule schedule() {
        return run.schedule();
    }

    @Override
    public JobSpec spec() {
        return spec;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public String executionId() {
        return run.executionId();
    }

    @Override
    public String userId() {
        return run.userId();
    }

    @Override
    public PlaylistService playlists() {
        return run.playlists();
    }

    @Override
    public PluginLookup plugins() {
        return run.plugins();
    }

    @Override
    public Optional<PlaylistPair> pair(String productionPlaylistId) {
        return run.pair(productionPlaylistId);
    }

    @Override
    public MembershipHistory membership() {
        return run.membership();
    }

    @Override
    public List<Pin> pins(String playlistId) {
        return run.pins(playlistId);
    }

    @Override
    public void snapshotBeforeMutation(String playlistId) {
        run.snapshotBeforeMutation(playlistId);
    }

    @Override
    public void appendTracks(String playlistId, List<String> uris) {
        run.appendTracks(playlistId, uris);
    }

    @Override
    public void planWrites(WritePlan plan) {
        run.planWrites(plan);
    }

    @Override
    public Clock clock() {
        return run.clock();
    }

    @Override
    public RandomGenerator random() {
        return run.random();
    }

    @Override
    public Optional<Instant> lastSuccessAt() {
        return run.lastSuccessAt();
    }

    @Override
    public boolean isRetry() {
        return run.isRetry();
    }

    @Override
    public boolean isDryRun() {
        return run.isDryRun();
    }

    @Override
    public void progress(String message) {
        run.progress(message);
    }
}
