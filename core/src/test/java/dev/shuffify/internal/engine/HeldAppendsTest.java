package dev.shuffify.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.memory.Call;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.Track;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.testing.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of the appends a step leaves to the engine ({@code JobContext.appendTracks}). */
class HeldAppendsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final InMemoryPlaylistService music = new InMemoryPlaylistService(clock);
    private final List<Playlist> preImages = new ArrayList<>();
    private PlaylistService service;
    private TrackingPlaylistService tracking;

    private static List<Track> tracks(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> Track.ofUri("spotify:track:" + prefix + i)).toList();
    }

    private static List<String> uris(String prefix, int n) {
        return tracks(prefix, n).stream().map(Track::uri).toList();
    }

    @BeforeEach
    void setUp() {
        music.addUser("u");
        music.createPlaylist("u", "p", "P", tracks("old", 150));
        music.createPlaylist("u", "q", "Q", tracks("q", 3));
        service = music.forUser("u");
        tracking = new TrackingPlaylistService(service, false, clock, new TrackingPlaylistService.Hooks() {
            @Override
            public void observed(Playlist playlist) {
            }

            @Override
            public void beforeFirstWrite(Playlist before) {
                preImages.add(before);
            }
        });
        music.resetCalls();
    }

    private List<Call> writes() {
        return music.calls().stream().filter(c -> c.operation().isWrite()).toList();
    }

    @Test
    void heldAppendsAreReadAtOnceAndTheirPreImageIsTakenBeforeAnythingIsSent() {
        tracking.appendLater("p", uris("new", 30));

        assertThat(tracking.playlist("p").size()).isEqualTo(180);
        assertThat(preImages).singleElement().satisfies(p -> assertThat(p.uris()).isEqualTo(uris("old", 150)));
        assertThat(writes()).isEmpty();
        assertThat(music.uris("p")).hasSize(150);
    }

    @Test
    void aReplaceOfThePlaylistCarriesThemSoEachTrackIsWrittenOnce() {
        tracking.appendLater("p", uris("new", 30));
        List<String> all = new ArrayList<>(tracking.playlist("p").uris());
        java.util.Collections.reverse(all);

        tracking.replaceAll("p", all);
        tracking.sendPending();

        assertThat(music.uris("p")).isEqualTo(all);
        assertThat(writes()).extracting(Call::operation).containsExactly(Operation.REPLACE, Operation.ADD);
        assertThat(writes().stream().mapToInt(Call::items).sum()).isEqualTo(180);
    }

    @Test
    void anyOtherWriteSendsThemFirstInBatchesOfAHundredSoTheServiceMatchesTheModel() {
        tracking.appendLater("p", uris("new", 130));

        tracking.addTracks("q", List.of("spotify:track:x"), null);   // another playlist: they go first
        assertThat(writes()).extracting(Call::operation).containsExactly(Operation.ADD, Operation.ADD, Operation.ADD);
        assertThat(writes()).extracting(Call::playlistId).containsExactly("p", "p", "q");
        assertThat(music.uris("p")).isEqualTo(tracking.playlist("p").uris());

        tracking.appendLater("p", uris("more", 2));
        tracking.reorderTracks("p", 0, 1, 10);   // a move counts them in its positions: they go first
        assertThat(writes()).extracting(Call::operation).endsWith(Operation.ADD, Operation.REORDER);
        assertThat(music.uris("p")).isEqualTo(tracking.playlist("p").uris());
    }

    @Test
    void whatIsStillHeldAfterTheLastStepIsSentThenAndOnlyOnce() {
        tracking.appendLater("p", uris("new", 3));
        tracking.sendPending();
        tracking.sendPending();

        assertThat(writes()).singleElement().satisfies(c -> assertThat(c.items()).isEqualTo(3));
        List<String> expected = new ArrayList<>(uris("old", 150));
        expected.addAll(uris("new", 3));
        assertThat(music.uris("p")).isEqualTo(expected);
    }

    @Test
    void aPreviewRecordsThemAsAnAddWithoutSendingIt() {
        TrackingPlaylistService preview = new TrackingPlaylistService(service, true, clock,
                new TrackingPlaylistService.Hooks() {
                    @Override
                    public void observed(Playlist playlist) {
                    }

                    @Override
                    public void beforeFirstWrite(Playlist before) {
                    }
                });
        preview.appendLater("p", uris("new", 3));
        preview.sendPending();

        assertThat(writes()).isEmpty();
        assertThat(preview.changes()).singleElement().satisfies(c -> assertThat(c.uris()).isEqualTo(uris("new", 3)));
    }
}
