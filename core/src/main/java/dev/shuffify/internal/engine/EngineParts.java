package dev.shuffify.internal.engine;

import dev.shuffify.store.ShuffifyStore;

/** The engine's parts, wired once: each seam of a run is its own class, and they reach each other here. */
final class EngineParts {
    final EngineConfig config;
    final ShuffifyStore store;
    final PlaylistLocks locks = new PlaylistLocks();
    final EngineEvents events;
    final Outcomes outcomes;
    final RunGuards guards;
    final SnapshotKeeper snapshots;
    final WriteChecks checks;
    final AccountConnect accounts;
    final AbandonedRuns repairs;
    final JobRun jobRun;
    final BatchStart batches;

    EngineParts(EngineConfig config) {
        this.config = config;
        this.store = config.store();
        this.events = new EngineEvents(config.listeners());
        this.outcomes = new Outcomes(config, events);
        this.guards = new RunGuards(config);
        this.snapshots = new SnapshotKeeper(config);
        this.checks = new WriteChecks(config);
        this.accounts = new AccountConnect(config.connector());
        this.repairs = new AbandonedRuns(this);
        this.jobRun = new JobRun(this);
        this.batches = new BatchStart(this);
    }
}
