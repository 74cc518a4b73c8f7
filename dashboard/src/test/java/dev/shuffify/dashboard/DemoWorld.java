package dev.shuffify.dashboard;

import dev.shuffify.Shuffify;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded demo's kind of data, built through the public API (the demo itself lives in examples, which
 * depends on this module): two users' playlists in the in-memory music service, shuffle schedules with a few
 * days of history and the snapshots those runs took, and an account whose stored token must never be shown.
 */
final class DemoWorld implements AutoCloseable {

    static final String ALICE = "alice";
    static final String BOB = "bob";
    /** A playlist name a user typed that is markup: the page must show it as text. */
    static final String HOSTILE_NAME = "<img src=x onerror=\"window.__xss=1\">Road <b>trip</b>";
    /** The bytes stored as alice's encrypted refresh token: they must never reach the page. */
    static final byte[] SECRET_TOKEN = "ENCRYPTED-REFRESH-TOKEN-7f3a9c".getBytes(StandardCharsets.UTF_8);

    final TestClock clock = new TestClock(Instant.parse("2026-11-20T08:00:00Z"));
    final InMemoryPlaylistService music = new InMemoryPlaylistService(clock);
    final Shuffify shuffify;
    final Schedule aliceShuffle;
    final Schedule aliceRoadTrip;
    final Schedule bobShuffle;

    DemoWorld() {
        music.addUser(ALICE).addUser(BOB);
        List<Track> morning = clustered("m", 6, 5);
        music.createPlaylist(ALICE, "morning-mix", "Morning Mix", morning);
        music.createPlaylist(ALICE, "road-trip", HOSTILE_NAME, clustered("r", 4, 4));
        music.createPlaylist(BOB, "bob-mix", "Bob's secret mix", clustered("b", 3, 4));
        shuffify = Shuffify.builder().connector(music).clock(clock).seed(7).build();
        shuffify.store().accounts().save(new Account(ALICE, SECRET_TOKEN, AccountHealth.OK, 0, null, clock.instant()));
        shuffify.store().accounts().save(new Account(BOB, SECRET_TOKEN, AccountHealth.DEGRADED, 2, "slow",
                clock.instant()));
        aliceShuffle = shuffify.schedules().create(ALICE, ScheduleDefinition.of(JobSpec.builder("shuffle")
                .target("morning-mix", "Morning Mix").algorithm("artist_spread").build(), Trigger.named("daily")));
        aliceRoadTrip = shuffify.schedules().create(ALICE, ScheduleDefinition.of(JobSpec.builder("shuffle")
                .target("road-trip", HOSTILE_NAME).algorithm("basic").build(), Trigger.named("daily")));
        bobShuffle = shuffify.schedules().create(BOB, ScheduleDefinition.of(JobSpec.builder("shuffle")
                .target("bob-mix", "Bob's secret mix").algorithm("basic").build(), Trigger.named("daily")));
        List<String> albumOrder = morning.stream().map(Track::uri).toList();
        for (int day = 0; day < 3; day++) {
            // each morning the mix is back in album order (as if re-imported), and the shuffle spreads it again
            music.forUser(ALICE).replaceTracks("morning-mix", albumOrder);
            shuffify.runs().runNow(ALICE, aliceShuffle.id());
            shuffify.runs().runNow(ALICE, aliceRoadTrip.id());
            clock.advance(Duration.ofDays(1));
        }
        shuffify.runs().runNow(BOB, bobShuffle.id());
        shuffify.schedules().setEnabled(ALICE, aliceRoadTrip.id(), false);
    }

    /** Tracks by {@code artists} artists, each artist's {@code each} tracks side by side. */
    private List<Track> clustered(String prefix, int artists, int each) {
        List<Track> out = new ArrayList<>();
        for (int a = 0; a < artists; a++) {
            Artist artist = new Artist(prefix + "artist" + a, "Artist " + prefix.toUpperCase() + a);
            Album album = new Album(prefix + "album" + a, "Album " + a, "2020-01-0" + (a % 9 + 1));
            for (int t = 0; t < each; t++) {
                String id = prefix + a + "t" + t;
                out.add(new Track("spotify:track:" + id, id, "Song " + id, List.of(artist), album,
                        Duration.ofSeconds(180 + t), 50, clock.instant().minus(Duration.ofDays(30 - t)), false));
            }
        }
        return out;
    }

    Dashboard.Builder dashboard() {
        return Dashboard.builder(shuffify).connector(music);
    }

    /** Who is asking, from the test's cookie {@code who}: {@code ops} is an operator, anyone else a user. */
    static DashboardAuthenticator cookieAuthenticator() {
        return request -> request.cookie("who").filter(v -> !v.isBlank())
                .map(v -> v.equals("ops") ? DashboardUser.operator("ops") : DashboardUser.user(v));
    }

    @Override
    public void close() {
        shuffify.close();
    }
}
