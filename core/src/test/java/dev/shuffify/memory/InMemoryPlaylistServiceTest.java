package dev.shuffify.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.error.RateLimitedException;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Track;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InMemoryPlaylistServiceTest {

    final TestClock clock = TestClock.standard();
    final Instant start = clock.instant();
    final InMemoryPlaylistService music = new InMemoryPlaylistService(clock);
    final Artist artist = new Artist("ar1", "The Band");
    final Album album = new Album("al1", "First Album", "2025-03-01");

    static List<String> uris(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "spotify:track:t" + i).toList();
    }

    static List<Track> tracks(int from, int to) {
        return uris(from, to).stream().map(Track::ofUri).toList();
    }

    PlaylistService alice() {
        return music.forUser("alice");
    }

    @Test
    void seededPlaylistsKeepOrderAndGiveUndatedItemsTheClocksTime() {
        Instant earlier = start.minus(Duration.ofDays(3));
        List<Track> items = new ArrayList<>(tracks(0, 3));
        items.set(1, items.get(1).withAddedAt(earlier));
        PlaylistSummary summary = music.createPlaylist("alice", "p1", "Mix", items);

        assertThat(summary.total()).isEqualTo(3);
        assertThat(summary.ownerId()).isEqualTo("alice");
        Playlist p = alice().playlist("p1");
        assertThat(p.uris()).isEqualTo(uris(0, 3));
        assertThat(p.items()).extracting(Track::addedAt).containsExactly(start, earlier, start);
        assertThat(music.hasUser("alice")).isTrue();
        assertThatThrownBy(() -> music.createPlaylist("alice", "p1", "Again", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p1");
    }

    @Test
    void unknownUsersMustLogInAgainAndUnknownPlaylistsAreNotFound() {
        assertThatThrownBy(() -> music.connect("nobody")).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining(AuthenticationException.MUST_LOG_IN_AGAIN);
        music.addUser("alice");
        assertThatThrownBy(() -> alice().playlist("gone")).isInstanceOfSatisfying(PlaylistNotFoundException.class,
                e -> assertThat(e.playlistId()).isEqualTo("gone"));
        assertThat(alice().currentUserId()).isEqualTo("alice");
    }

    @Nested
    class Writes {
        @Test
        void addAppendsOrInsertsWithTheClocksTimeAndCatalogMetadata() {
            Track known = Track.of("k1", "Known", artist, album);
            music.addToCatalog(List.of(known));
            music.createPlaylist("alice", "p1", "Mix", tracks(0, 2));
            clock.advance(Duration.ofHours(1));

            alice().addTracks("p1", List.of(known.uri()), 1);
            alice().addTracks("p1", List.of("spotify:track:end"), null);

            Playlist p = music.playlist("p1");
            assertThat(p.uris()).containsExactly("spotify:track:t0", known.uri(), "spotify:track:t1",
                    "spotify:track:end");
            assertThat(p.items().get(1).name()).isEqualTo("Known");
            assertThat(p.items().get(1).addedAt()).isEqualTo(clock.instant());
            assertThat(p.items().get(0).addedAt()).isEqualTo(start);
        }

        @Test
        void moreThanOneHundredUrisInOneCallAreRejectedAndNothingChanges() {
            music.createPlaylist("alice", "p1", "Mix", tracks(0, 5));
            String before = music.playlist("p1").snapshotId();
            List<String> tooMany = uris(100, 201);

            assertThatThrownBy(() -> alice().addTracks("p1", tooMany, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("101 uris in one call").hasMessageContaining("at most 100")
                    .hasMessageContaining("p1");
            assertThatThrownBy(() -> alice().removeTracks("p1", tooMany)).hasMessageContaining("at most 100");
            assertThatThrownBy(() -> alice().replaceTracks("p1", tooMany)).hasMessageContaining("at most 100");

            assertThat(music.uris("p1")).isEqualTo(uris(0, 5));
            assertThat(music.playlist("p1").snapshotId()).isEqualTo(before);
            alice().addTracks("p1", uris(100, 200), null); // exactly 100 is fine
            assertThat(music.uris("p1")).hasSize(105);
        }

        @Test
        void emptyAddsAndRemovesAreRejectedButAnEmptyReplaceClears() {
            music.createPlaylist("alice", "p1", "Mix", tracks(0, 3));
            assertThatThrownBy(() -> alice().addTracks("p1", List.of(), null)).hasMessageContaining("no uris");
            assertThatThrownBy(() -> alice().removeTracks("p1", List.of())).hasMessageContaining("no uris");
            alice().replaceTracks("p1", List.of());
            assertThat(music.uris("p1")).isEmpty();
        }

        @Test
        void onlyTheOwnerMayWriteButEveryoneMayRead() {
            music.createPlaylist("bob", "bobs", "Bob's", tracks(0, 3));
            music.addUser("alice");

            assertThat(alice().playlist("bobs").uris()).isEqualTo(uris(0, 3));
            assertThatThrownBy(() -> alice().addTracks("bobs", uris(5, 6), null))
                    .isInstanceOfSatisfying(PlaylistServiceException.class, e -> {
                        assertThat(e.getMessage()).contains("403").contains("alice").contains("bobs");
                        assertThat(e.isTransient()).isFalse();
                    });
            assertThatThrownBy(() -> alice().removeTracks("bobs", uris(0, 1))).hasMessageContaining("403");
            assertThatThrownBy(() -> alice().replaceTracks("bobs", List.of())).hasMessageContaining("403");
            assertThatThrownBy(() -> alice().reorderTracks("bobs", 0, 1, 3)).hasMessageContaining("403");
            assertThat(music.uris("bobs")).isEqualTo(uris(0, 3));
        }

        @Test
        void removeTakesOutEveryOccurrence() {
            List<Track> items = List.of(Track.ofUri("spotify:track:a"), Track.ofUri("spotify:track:b"),
                    Track.ofUri("spotify:track:a"), Track.ofUri("spotify:track:c"), Track.ofUri("spotify:track:a"));
            music.createPlaylist("alice", "p1", "Mix", items);
            alice().removeTracks("p1", List.of("spotify:track:a", "spotify:track:missing"));
            assertThat(music.uris("p1")).containsExactly("spotify:track:b", "spotify:track:c");
        }

        @Test
        void replaceResetsTheAddedDateAndReorderKeepsIt() {
            music.createPlaylist("alice", "p1", "Mix", tracks(0, 4));
            clock.advance(Duration.ofDays(1));
            alice().reorderTracks("p1", 0, 2, 4);
            Playlist reordered = music.playlist("p1");
            assertThat(reordered.uris()).containsExactly("spotify:track:t2", "spotify:track:t3", "spotify:track:t0",
                    "spotify:track:t1");
            assertThat(reordered.items()).extracting(Track::addedAt).containsOnly(start);

            clock.advance(Duration.ofDays(1));
            alice().replaceTracks("p1", reordered.uris());
            Playlist replaced = music.playlist("p1");
            assertThat(replaced.uris()).isEqualTo(reordered.uris());
            assertThat(replaced.items()).extracting(Track::addedAt).containsOnly(clock.instant());
        }

        @Test
        void reorderFollowsTheServicesInsertBeforeSemantics() {
            music.createPlaylist("alice", "p1", "Mix", tracks(0, 5));
            alice().reorderTracks("p1", 3, 2, 0); // move t3,t4 to the top
            assertThat(music.uris("p1")).containsExactly("spotify:track:t3", "spotify:track:t4", "spotify:track:t0",
                    "spotify:track:t1", "spotify:track:t2");
            alice().reorderTracks("p1", 0, 1, 2); // t3 before the old position 2
            assertThat(music.uris("p1")).containsExactly("spotify:track:t4", "spotify:track:t3", "spotify:track:t0",
                    "spotify:track:t1", "spotify:track:t2");
            assertThatThrownBy(() -> alice().reorderTracks("p1", 4, 2, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outside a playlist of 5 items");
        }

        @Test
        void theSnapshotIdChangesOnEveryWrite() {
            music.createPlaylist("alice", "p1", "Mix", tracks(0, 3));
            List<String> ids = new ArrayList<>();
            ids.add(music.playlist("p1").snapshotId());
            ids.add(alice().addTracks("p1", uris(3, 4), null));
            ids.add(alice().removeTracks("p1", uris(3, 4)));
            ids.add(alice().reorderTracks("p1", 0, 1, 3));
            ids.add(alice().replaceTracks("p1", uris(0, 3)));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(ids.get(4)).isEqualTo(music.playlist("p1").snapshotId());
            alice().playlist("p1");
            assertThat(music.playlist("p1").snapshotId()).isEqualTo(ids.get(4));
        }

        @Test
        void invalidUrisAreRejectedWithoutApplyingAnyOfTheBatch() {
            music.createPlaylist("alice", "p1", "Mix", tracks(0, 1));
            assertThatThrownBy(() -> alice().addTracks("p1", List.of("spotify:track:ok", "http://nope"), null))
                    .isInstanceOf(PlaylistServiceException.class).hasMessageContaining("http://nope")
                    .hasMessageContaining("400");
            assertThat(music.uris("p1")).isEqualTo(uris(0, 1));
        }

        @Test
        void createdPlaylistsBelongToTheUserAndAreListed() {
            music.createPlaylist("alice", "p1", "Mix", List.of());
            music.createPlaylist("bob", "bobs", "Bob's", List.of());
            PlaylistSummary created = alice().createPlaylist("Archive", "old tracks", false);
            assertThat(created.ownerId()).isEqualTo("alice");
            assertThat(created.total()).isZero();
            assertThat(alice().playlists()).extracting(PlaylistSummary::id).containsExactly("p1", created.id());
            assertThat(music.deletePlaylist("p1")).isTrue();
            assertThat(music.hasPlaylist("p1")).isFalse();
            assertThat(music.deletePlaylist("p1")).isFalse();
        }

        @Test
        void theBatchingDefaultsUseTheFewestCalls() {
            music.createPlaylist("alice", "p1", "Mix", List.of());
            music.resetCalls();
            assertThat(alice().addAll("p1", uris(0, 250))).isEqualTo(3);
            assertThat(alice().replaceAll("p1", uris(0, 201))).isEqualTo(3);
            assertThat(music.uris("p1")).isEqualTo(uris(0, 201));
            List<String> doomed = new ArrayList<>(uris(0, 150));
            doomed.addAll(uris(0, 50)); // duplicates are sent once
            assertThat(alice().removeAll("p1", doomed)).isEqualTo(2);
            assertThat(music.uris("p1")).isEqualTo(uris(150, 201));
            assertThat(alice().insertAll("p1", uris(500, 620), 1)).isEqualTo(2);
            assertThat(music.uris("p1").subList(0, 3)).containsExactly("spotify:track:t150", "spotify:track:t500",
                    "spotify:track:t501");
            assertThat(music.uris("p1").get(120)).isEqualTo("spotify:track:t619");
            assertThat(music.calls()).allSatisfy(c -> assertThat(c.items()).isLessThanOrEqualTo(100));
        }
    }

    @Nested
    class Faults {
        @ParameterizedTest
        @EnumSource(value = Fault.class, names = {"SERVER_ERROR", "RATE_LIMITED", "NOT_FOUND", "UNAUTHORIZED"})
        void aFailedWriteChangesNothing(Fault fault) {
            music.createPlaylist("alice", "p1", "Mix", tracks(0, 3));
            String snapshot = music.playlist("p1").snapshotId();
            music.failOn(Operation.ADD, 1, fault);

            assertThatThrownBy(() -> alice().addTracks("p1", uris(3, 5), null)).isInstanceOf(expected(fault));
            assertThat(music.uris("p1")).isEqualTo(uris(0, 3));
            assertThat(music.playlist("p1").snapshotId()).isEqualTo(snapshot);
            alice().addTracks("p1", uris(3, 5), null); // the fault fires once
            assertThat(music.uris("p1")).isEqualTo(uris(0, 5));
        }

        private Class<? extends Throwable> expected(Fault fault) {
            return switch (fault) {
                case SERVER_ERROR, LOST_RESPONSE, PERMANENT_ERROR -> PlaylistServiceException.class;
                case RATE_LIMITED -> RateLimitedException.class;
                case NOT_FOUND -> PlaylistNotFoundException.class;
                case UNAUTHORIZED -> AuthenticationException.class;
            };
        }

        @Test
        void eachFaultHasTheRightKindAndTransience() {
            music.createPlaylist("alice", "p1", "Mix", tracks(0, 1));
            music.failOn(Operation.READ_PLAYLIST, 1, Fault.SERVER_ERROR)
                    .failOn(Operation.READ_PLAYLIST, 2, Fault.RATE_LIMITED)
                    .failOn(Operation.READ_PLAYLIST, 3, Fault.NOT_FOUND)
                    .failOn(Operation.READ_PLAYLIST, 4, Fault.UNAUTHORIZED)
                    .failOn(Operation.READ_PLAYLIST, 5, Fault.LOST_RESPONSE);
            PlaylistService s = alice();
            assertThatThrownBy(() -> s.playlist("p1")).isInstanceOfSatisfying(PlaylistServiceException.class,
                    e -> assertThat(e.isTransient()).isTrue()).hasMessageContaining("502");
            assertThatThrownBy(() -> s.playlist("p1")).isInstanceOfSatisfying(RateLimitedException.class, e -> {
                assertThat(e.isTransient()).isTrue();
                assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            });
            assertThatThrownBy(() -> s.playlist("p1")).isInstanceOfSatisfying(PlaylistNotFoundException.class,
                    e -> assertThat(e.playlistId()).isEqualTo("p1"));
            assertThatThrownBy(() -> s.playlist("p1")).isInstanceOfSatisfying(AuthenticationException.class,
                    e -> assertThat(e.isTransient()).isFalse());
            assertThatThrownBy(() -> s.playlist("p1")).isExactlyInstanceOf(PlaylistServiceException.class);
            assertThat(s.playlist("p1").uris()).isEqualTo(uris(0, 1));
        }

        @Test
        void aLostResponseAppliesTheWriteThenFails() {
            music.createPlaylist("alice", "p1", "Mix", tracks(0, 2));
            String before = music.playlist("p1").snapshotId();
            music.failOn(Operation.ADD, 1, Fault.LOST_RESPONSE);
            assertThatThrownBy(() -> alice().addTracks("p1", uris(2, 3), null))
                    .isInstanceOfSatisfying(PlaylistServiceException.class, e -> assertThat(e.isTransient()).isTrue());
            assertThat(music.uris("p1")).isEqualTo(uris(0, 3));
            assertThat(music.playlist("p1").snapshotId()).isNotEqualTo(before);
            assertThat(music.calls()).last().satisfies(c -> assertThat(c.failed()).isTrue());
        }

        @Test
        void aLostResponseOnCreateStillCreatesThePlaylist() {
            music.addUser("alice");
            music.failOn(Operation.CREATE_PLAYLIST, 1, Fault.LOST_RESPONSE);
            assertThatThrownBy(() -> alice().createPlaylist("Archive", null, false))
                    .isInstanceOf(PlaylistServiceException.class);
            assertThat(alice().playlists()).extracting(PlaylistSummary::name).containsExactly("Archive");
        }

        @Test
        void failOnCountsCallsOfOneOperationFromNow() {
            music.createPlaylist("alice", "p1", "Mix", List.of());
            alice().addTracks("p1", uris(0, 1), null);
            music.failOn(Operation.ADD, 2, Fault.SERVER_ERROR);
            alice().playlist("p1");
            alice().addTracks("p1", uris(1, 2), null);
            alice().playlist("p1");
            assertThatThrownBy(() -> alice().addTracks("p1", uris(2, 3), null))
                    .isInstanceOf(PlaylistServiceException.class);
            assertThat(music.uris("p1")).isEqualTo(uris(0, 2));
        }

        @Test
        void failAtCallCountsEveryOperationFromNow() {
            music.createPlaylist("alice", "p1", "Mix", tracks(0, 1));
            alice().playlist("p1");
            music.failAtCall(3, Fault.NOT_FOUND);
            alice().playlists();
            alice().likedTracks(5);
            assertThatThrownBy(() -> alice().removeTracks("p1", uris(0, 1)))
                    .isInstanceOf(PlaylistNotFoundException.class);
            assertThat(music.uris("p1")).isEqualTo(uris(0, 1));
            assertThat(music.calls()).extracting(Call::failed).containsExactly(false, false, false, true);
        }

        @Test
        void aFaultSetBeforeAResetStillFiresOnTheNextCallAfterIt() {
            music.createPlaylist("alice", "p1", "Mix", List.of());
            alice().addTracks("p1", uris(0, 1), null);
            alice().addTracks("p1", uris(1, 2), null);
            music.failOn(Operation.ADD, 1, Fault.SERVER_ERROR);
            music.failAtCall(2, Fault.RATE_LIMITED);
            music.resetCalls();

            assertThatThrownBy(() -> alice().addTracks("p1", uris(2, 3), null))
                    .isExactlyInstanceOf(PlaylistServiceException.class);
            assertThatThrownBy(() -> alice().playlist("p1")).isInstanceOf(RateLimitedException.class);
            assertThat(music.calls()).extracting(Call::failed).containsExactly(true, true);
        }

        @Test
        void clearFaultsRemovesPendingFaults() {
            music.createPlaylist("alice", "p1", "Mix", List.of());
            music.failOn(Operation.ADD, 1, Fault.SERVER_ERROR).failAtCall(1, Fault.SERVER_ERROR);
            music.clearFaults();
            alice().addTracks("p1", uris(0, 1), null);
            assertThat(music.uris("p1")).hasSize(1);
        }

        @Test
        void nthMustBePositive() {
            assertThatThrownBy(() -> music.failOn(Operation.ADD, 0, Fault.SERVER_ERROR))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nth");
            assertThatThrownBy(() -> music.failAtCall(0, Fault.SERVER_ERROR))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nth");
        }
    }

    @Test
    void everyCallIsCountedAndLoggedWithItsUserPlaylistAndSize() {
        music.createPlaylist("alice", "p1", "Mix", tracks(0, 2));
        PlaylistService s = alice();
        s.playlist("p1");
        s.addTracks("p1", uris(2, 5), null);
        s.removeTracks("p1", uris(0, 1));
        s.reorderTracks("p1", 0, 1, 2);
        s.replaceTracks("p1", uris(0, 2));
        s.likedTracks(10);
        s.searchTracks("x", 5);

        assertThat(music.calls()).extracting(Call::sequence).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(music.calls()).extracting(Call::operation).containsExactly(Operation.READ_PLAYLIST,
                Operation.ADD, Operation.REMOVE, Operation.REORDER, Operation.REPLACE, Operation.LIKED,
                Operation.SEARCH);
        assertThat(music.calls().get(1)).isEqualTo(new Call(2, Operation.ADD, "alice", "p1", uris(2, 5), false));
        assertThat(music.calls().get(1).items()).isEqualTo(3);
        // each write's uris, in the order sent; reads and reorders carry none
        assertThat(music.calls()).extracting(Call::uris).containsExactly(List.of(), uris(2, 5), uris(0, 1),
                List.of(), uris(0, 2), List.of(), List.of());
        assertThat(music.count(Operation.ADD)).isEqualTo(1);
        assertThat(music.count(Operation.CREATE_PLAYLIST)).isZero();
        assertThat(music.totalCalls()).isEqualTo(7);
        assertThat(music.writeCalls()).isEqualTo(4);
        assertThat(music.readCalls()).isEqualTo(3);

        music.playlist("p1"); // inspection is not a call
        music.uris("p1");
        assertThat(music.totalCalls()).isEqualTo(7);
        music.resetCalls();
        assertThat(music.calls()).isEmpty();
        assertThat(music.count(Operation.ADD)).isZero();
    }

    @Nested
    class Catalogue {
        final Track liked1 = Track.of("l1", "Liked One", artist, album);
        final Track liked2 = Track.of("l2", "Liked Two", artist, album).withAddedAt(Instant.parse("2025-06-01T00:00:00Z"));

        @Test
        void likedSongsComeNewestFirstUpToTheLimit() {
            music.setLikedTracks("alice", List.of(liked1, liked2));
            assertThat(alice().likedTracks(10)).extracting(Track::uri).containsExactly(liked1.uri(), liked2.uri());
            assertThat(alice().likedTracks(1)).extracting(Track::addedAt).containsExactly(start);
            assertThat(alice().likedTracks(0)).isEmpty();
            assertThatThrownBy(() -> alice().likedTracks(-1)).isInstanceOf(IllegalArgumentException.class);
            music.addUser("bob");
            assertThat(music.forUser("bob").likedTracks(10)).isEmpty();
        }

        @Test
        void artistsHaveAlbumsAndAlbumsHaveTracksInOrder() {
            Album single = new Album("al2", "Single", "2026-01-01");
            Track a = Track.of("a1", "Opener", artist, album);
            Track b = Track.of("a2", "Closer", artist, album);
            music.addAlbum(artist, album, List.of(a, b)).addAlbum(artist, single, List.of(Track.of("s1", "Hit",
                    artist, single)));
            music.addUser("alice");

            assertThat(alice().artistAlbums("ar1")).containsExactly(album, single);
            assertThat(alice().artistAlbums("unknown")).isEmpty();
            assertThat(alice().albumTracks("al1")).extracting(Track::name).containsExactly("Opener", "Closer");
            assertThat(alice().albumTracks("al1")).extracting(Track::addedAt).containsOnlyNulls();
            assertThatThrownBy(() -> alice().albumTracks("nope")).isInstanceOf(PlaylistNotFoundException.class)
                    .hasMessageContaining("album 'nope'");
        }

        @Test
        void searchMatchesNameArtistOrAlbumIgnoringCaseUpToTheLimit() {
            Track other = Track.of("o1", "Quiet Song", new Artist("ar2", "Someone Else"), new Album("al9", "Calm",
                    "2020"));
            music.addToCatalog(List.of(liked1, liked2, other));
            music.addUser("alice");

            assertThat(alice().searchTracks("LIKED", 10)).extracting(Track::uri).containsExactly(liked1.uri(),
                    liked2.uri());
            assertThat(alice().searchTracks("the band", 10)).hasSize(2);
            assertThat(alice().searchTracks("calm", 10)).containsExactly(other);
            assertThat(alice().searchTracks("liked", 1)).hasSize(1);
            assertThat(alice().searchTracks("nothing like it", 10)).isEmpty();
        }
    }
}
