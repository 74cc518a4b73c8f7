package dev.shuffify.internal.service;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.model.Pin;
import dev.shuffify.service.PinService;
import java.time.Instant;
import java.util.List;

/** The {@link PinService}. */
public final class Pins implements PinService {
    private final ServiceContext c;

    /**
     * Creates the service.
     *
     * @param context what the services share
     */
    public Pins(ServiceContext context) {
        this.c = context;
    }

    @Override
    public Pin pinTrack(String userId, String playlistId, String uri) {
        return track(userId, playlistId, uri, null);
    }

    @Override
    public Pin pinTrack(String userId, String playlistId, String uri, Instant until) {
        return track(userId, playlistId, uri, Check.present("until", until));
    }

    private Pin track(String userId, String playlistId, String uri, Instant until) {
        Check.userId(userId);
        Check.id("playlistId", playlistId);
        Check.pinUri(uri);
        Pin pin = new Pin(c.ids().get(), userId, playlistId, uri, -1, -1, until);
        c.store().pins().save(pin);
        return pin;
    }

    @Override
    public Pin pinPositions(String userId, String playlistId, int from, int to) {
        return positions(userId, playlistId, from, to, null);
    }

    @Override
    public Pin pinPositions(String userId, String playlistId, int from, int to, Instant until) {
        return positions(userId, playlistId, from, to, Check.present("until", until));
    }

    private Pin positions(String userId, String playlistId, int from, int to, Instant until) {
        Check.userId(userId);
        Check.id("playlistId", playlistId);
        Check.range("from", from, 0, Integer.MAX_VALUE);
        Check.range("to", to, from, Integer.MAX_VALUE);
        Pin pin = new Pin(c.ids().get(), userId, playlistId, null, from, to, until);
        c.store().pins().save(pin);
        return pin;
    }

    @Override
    public List<Pin> list(String userId, String playlistId) {
        Check.userId(userId);
        Check.id("playlistId", playlistId);
        return c.store().pins().listByPlaylist(userId, playlistId);
    }

    @Override
    public void unpin(String userId, String playlistId, String pinId) {
        Check.userId(userId);
        Check.id("playlistId", playlistId);
        Check.id("pinId", pinId);
        boolean owned = c.store().pins().listByPlaylist(userId, playlistId).stream()
                .anyMatch(p -> p.id().equals(pinId));
        if (!owned || !c.store().pins().delete(pinId)) {
            throw new NotFoundException("pin", pinId);
        }
    }
}
