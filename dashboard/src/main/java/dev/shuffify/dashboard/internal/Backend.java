package dev.shuffify.dashboard.internal;

import dev.shuffify.Shuffify;
import dev.shuffify.dashboard.DashboardUser;
import dev.shuffify.error.NotFoundException;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Health;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.Preview;
import dev.shuffify.model.RestoreResult;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.model.Snapshot;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.spi.RateBudgetUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every call the dashboard makes into the facade, in one place. Ownership is decided here: a user reaches a
 * schedule or snapshot only through the facade's own-user methods (another user's is not found); an operator
 * reaches any, and acts with the owner's id.
 */
public final class Backend {

    private final Shuffify shuffify;
    private final PlaylistServiceConnector connector;

    /**
     * A backend over the facade.
     *
     * @param shuffify the facade
     * @param connector the connector to read playlists as they are now, or null
     */
    public Backend(Shuffify shuffify, PlaylistServiceConnector connector) {
        this.shuffify = shuffify;
        this.connector = connector;
    }

    /** The schedules the person may see, with what is running now for an operator. */
    List<ScheduleState> schedules(DashboardUser who) {
        if (who.operator()) {
            return shuffify.operations().jobs();
        }
        return shuffify.schedules().states(who.id());
    }

    /** A schedule the person may see; empty when there is none or it is another user's (for a user). */
    Optional<Schedule> schedule(DashboardUser who, String scheduleId) {
        if (who.operator()) {
            return shuffify.store().schedules().find(scheduleId);
        }
        try {
            return Optional.of(shuffify.schedules().get(who.id(), scheduleId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    List<Execution> history(Schedule schedule, int limit) {
        return shuffify.runs().history(schedule.userId(), schedule.id(), limit);
    }

    Preview preview(Schedule schedule) {
        return shuffify.runs().preview(schedule.userId(), schedule.id());
    }

    Execution runNow(Schedule schedule) {
        return shuffify.runs().runNow(schedule.userId(), schedule.id());
    }

    Schedule setEnabled(DashboardUser who, Schedule schedule, boolean enabled) {
        if (who.operator() && !schedule.userId().equals(who.id())) {
            return enabled ? shuffify.operations().resume(schedule.id()) : shuffify.operations().pause(schedule.id());
        }
        return shuffify.schedules().setEnabled(schedule.userId(), schedule.id(), enabled);
    }

    /** A playlist's snapshots, newest first, of the given owner. */
    List<Snapshot> snapshots(String ownerId, String playlistId) {
        return shuffify.snapshots().list(ownerId, playlistId);
    }

    /** A snapshot the person may see. */
    Optional<Snapshot> snapshot(DashboardUser who, String snapshotId) {
        return shuffify.store().snapshots().find(snapshotId)
                .filter(s -> who.operator() || s.userId().equals(who.id()));
    }

    RestoreResult restore(Snapshot snapshot) {
        return shuffify.snapshots().restore(snapshot.userId(), snapshot.id());
    }

    /** The playlist as it is now, when the dashboard was given a connector. */
    Optional<Playlist> playlistNow(String ownerId, String playlistId) {
        if (connector == null) {
            return Optional.empty();
        }
        return Optional.of(connector.connect(ownerId).playlist(playlistId));
    }

    boolean readsPlaylists() {
        return connector != null;
    }

    Health health() {
        return shuffify.operations().health();
    }

    Map<ExecutionStatus, Long> executionCounts() {
        return shuffify.operations().executionCounts();
    }

    Optional<RateBudgetUsage> rateBudget() {
        return shuffify.operations().rateBudget();
    }

    Instant now() {
        return shuffify.clock().instant();
    }
}
