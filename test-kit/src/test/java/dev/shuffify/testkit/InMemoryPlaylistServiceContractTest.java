package dev.shuffify.testkit;

import dev.shuffify.memory.Fault;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.Track;
import dev.shuffify.testkit.TestClock;
import java.util.List;

/** The in-memory service passes the music service's contract. */
class InMemoryPlaylistServiceContractTest extends PlaylistServiceContract {
    private final InMemoryPlaylistService music = new InMemoryPlaylistService(TestClock.standard());

    @Override
    protected Seeded seed(List<Track> entries, List<Track> addable) {
        music.addToCatalog(addable);
        music.createPlaylist("owner", "contract", "Contract", entries);
        return new Seeded(music.connect("owner"), "contract");
    }

    @Override
    protected List<Track> entriesOf(String playlistId) {
        return music.playlist(playlistId).items();
    }

    @Override
    protected void loseAnswerOfNextWrite(Write write) {
        music.failOn(Operation.valueOf(write.name()), 1, Fault.LOST_RESPONSE);
    }
}
