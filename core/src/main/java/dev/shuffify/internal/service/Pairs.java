package dev.shuffify.internal.service;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.Execution;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.PlaylistRef;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.RotationStatus;
import dev.shuffify.model.Schedule;
import dev.shuffify.service.PairService;
import dev.shuffify.spi.PlaylistService;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link PairService}: the pairing workflow (ownership checks, a new archive) and rotation status. */
public final class Pairs implements PairService {
    /** The job type whose schedules a rotation status reports. */

    private final ServiceContext c;

    /**
     * Creates the service.
     *
     * @param context what the services share
     */
    public Pairs(ServiceContext context) {
        this.c = context;
    }

    @Override
    public PlaylistPair create(String userId, String productionId, String archiveId) {
        Check.userId(userId);
        Check.id("productionId", productionId);
        Check.id("archiveId", archiveId);
        if (productionId.equals(archiveId)) {
            throw new ValidationException("archiveId", "the archive must be another playlist than the "
                    + "production playlist " + Check.quote(productionId));
        }
        return pair(userId, productionId, archiveId);
    }

    @Override
    public PlaylistPair createWithNewArchive(String userId, String productionId) {
        Check.userId(userId);
        Check.id("productionId", productionId);
        return pair(userId, productionId, null);
    }

    private PlaylistPair pair(String userId, String productionId, String archiveId) {
        if (c.store().pairs().find(userId, productionId).isPresent()) {
            throw new ValidationException("productionId", "playlist " + Check.quote(productionId)
                    + " is already paired; delete that pair first");
        }
        PlaylistService service = c.engine().connect(userId);
        Map<String, PlaylistSummary> own = new LinkedHashMap<>();
        service.playlists().forEach(p -> own.put(p.id(), p));
        PlaylistSummary production = ownPlaylist(own, "productionId", productionId);
        PlaylistSummary archive = archiveId != null ? ownPlaylist(own, "archiveId", archiveId)
                : service.createPlaylist(production.name() + " (archive)",
                        "Tracks rotated out of " + production.name(), false);
        PlaylistPair pair = new PlaylistPair(userId, new PlaylistRef(production.id(), production.name()),
                new PlaylistRef(archive.id(), archive.name()), c.clock().instant());
        c.store().pairs().save(pair);
        c.logActivity(userId, ActivityType.PAIR_CREATED, "paired " + production.name() + " with "
                + archive.name(), Map.of("production", production.id(), "archive", archive.id()));
        return pair;
    }

    private static PlaylistSummary ownPlaylist(Map<String, PlaylistSummary> own, String field, String id) {
        PlaylistSummary playlist = own.get(id);
        if (playlist == null) {
            throw new ValidationException(field, "playlist " + Check.quote(id)
                    + " is not one of the user's own playlists");
        }
        return playlist;
    }

    @Override
    public Optional<PlaylistPair> find(String userId, String productionId) {
        Check.userId(userId);
        Check.id("productionId", productionId);
        return c.store().pairs().find(userId, productionId);
    }

    @Override
    public List<PlaylistPair> list(String userId) {
        Check.userId(userId);
        return c.store().pairs().listByUser(userId);
    }

    @Override
    public void delete(String userId, String productionId) {
        Check.userId(userId);
        Check.id("productionId", productionId);
        if (!c.store().pairs().delete(userId, productionId)) {
            throw new NotFoundException("pair", productionId);
        }
        c.logActivity(userId, ActivityType.PAIR_DELETED, "unpaired playlist " + productionId,
                Map.of("production", productionId));
    }

    @Override
    public RotationStatus rotationStatus(String userId, String playlistId) {
        Check.userId(userId);
        Check.id("playlistId", playlistId);
        Optional<Schedule> schedule = c.store().schedules().listByUser(userId).stream()
                .filter(s -> s.job().target() != null && s.job().target().id().equals(playlistId))
                .filter(s -> c.jobTypes().usesPair(s.jobType()))
                .max(Comparator.comparing(Schedule::createdAt));
        Optional<Execution> last = schedule.flatMap(s -> c.store().executions().listBySchedule(s.id(), 1).stream()
                .findFirst());
        return new RotationStatus(playlistId, c.store().pairs().find(userId, playlistId), schedule, last);
    }
}
