package dev.shuffify.examples.e2e;

import static dev.shuffify.examples.e2e.TwoWorlds.USER;
import static dev.shuffify.examples.e2e.TwoWorlds.ceil;
import static dev.shuffify.examples.e2e.TwoWorlds.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.spotify.ApiDialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The raid job type through the Spotify adapter against the fake Web API. */
class RaidEndToEndTest {

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aRaidAddsTheNewTracksOfReadableSourcesAndSkipsUnreadableOnesWithAWarning(ApiDialect dialect) {
        try (TwoWorlds w = new TwoWorlds(dialect)) {
            w.login(USER);
            w.login("bob");
            List<String> base = w.fake.addTracks("t", 120);
            List<String> fresh = concat(base.subList(100, 120), w.fake.addTracks("f", 110));
            List<String> bobs = w.fake.addTracks("b", 25);
            String target = w.playlist(USER, "Road trip", base);
            String source = w.playlist(USER, "Fresh finds", fresh);
            String bobsPlaylist = w.playlist("bob", "Bob's picks", bobs);
            w.mirror(USER, target, source);
            boolean bobReadable = dialect == ApiDialect.TRACKS; // ITEMS: another user's items answer 403
            if (bobReadable) {
                w.mirror("bob", bobsPlaylist);
            }
            w.fake.resetLog();
            String schedule = w.schedule(JobSpec.builder("raid").target(target, "Road trip")
                    .source(DiscoverySource.playlist(source))
                    .source(DiscoverySource.playlist("https://open.spotify.com/playlist/" + bobsPlaylist + "?si=x"))
                    .source(DiscoverySource.playlist("spotify:playlist:missing404"))
                    .build());

            TwoWorlds.Runs runs = w.runNow(schedule);

            int added = 110 + (bobReadable ? 25 : 0);
            List<String> after = w.fake.playlistUris(target);
            assertThat(after).containsExactlyElementsOf(w.memory.uris(target))
                    .containsExactlyElementsOf(concat(base, fresh.subList(20, 130), bobReadable ? bobs : List.of()));
            assertThat(runs.spotify().tracksAdded()).isEqualTo(added).isEqualTo(runs.memory().tracksAdded());
            assertThat(runs.spotify().tracksTotal()).isEqualTo(120 + added);
            assertThat(runs.spotify().warnings()).hasSize(bobReadable ? 1 : 2)
                    .hasSameSizeAs(runs.memory().warnings())
                    .anySatisfy(x -> assertThat(x).startsWith("source 3 (playlist 'spotify:playlist:missing404') is "
                            + "gone or no longer readable; skipped").contains("404"));
            if (!bobReadable) {
                assertThat(runs.spotify().warnings()).anySatisfy(x -> assertThat(x).startsWith("source 2 (playlist")
                        .contains("gone or no longer readable").contains("403"));
            }
            // reads: target, each source (the 403 one: its playlist, then the refused page), the 404 one,
            // and the engine's verification re-read of the target
            int reads = w.readRequests(120) + w.readRequests(130) + (bobReadable ? w.readRequests(25) : 2) + 1
                    + w.readRequests(120 + added);
            assertThat(w.playlistReads()).isEqualTo(reads);
            assertThat(w.count("POST")).isEqualTo(ceil(added, 100));
            assertThat(w.playlistWrites()).isEqualTo(ceil(added, 100));
            assertThat(w.connector.account(USER).consecutiveFailures()).isZero();
        }
    }

    @Test
    void aRaidTakesOneSnapshotOfTheTargetBeforeItsFirstAddAndASecondRunAddsNothing() {
        try (TwoWorlds w = new TwoWorlds(ApiDialect.ITEMS)) {
            w.login(USER);
            List<String> base = w.fake.addTracks("t", 30);
            String target = w.playlist(USER, "Road trip", base);
            String source = w.playlist(USER, "Fresh finds", w.fake.addTracks("f", 12));
            w.mirror(USER, target, source);
            String schedule = w.schedule(JobSpec.builder("raid").target(target, "Road trip")
                    .source(DiscoverySource.playlist(source)).param("limit", 5).build());

            w.runNow(schedule);
            w.advance(java.time.Duration.ofDays(1));
            w.runNow(schedule);
            w.advance(java.time.Duration.ofDays(1));
            w.fake.resetLog();
            TwoWorlds.Runs third = w.runNow(schedule);

            assertThat(w.fake.playlistUris(target)).hasSize(42).containsExactlyElementsOf(w.memory.uris(target));
            assertThat(third.spotify().tracksAdded()).isEqualTo(2);
            List<Snapshot> snapshots = w.spotify.snapshots().list(USER, target);
            assertThat(snapshots).hasSize(3).allMatch(s -> s.type() == SnapshotType.AUTO_PRE_RAID);
            assertThat(snapshots.get(0).uris()).hasSize(40);
            assertThat(w.count("POST")).isEqualTo(1);

            w.fake.resetLog();
            TwoWorlds.Runs fourth = w.runNow(schedule);
            assertThat(fourth.spotify().tracksAdded()).isZero();
            assertThat(w.playlistWrites()).isZero();
            assertThat(w.spotify.snapshots().list(USER, target)).hasSize(3);
        }
    }
}
