package dev.shuffify.examples.e2e;

import static dev.shuffify.examples.e2e.TwoWorlds.USER;
import static dev.shuffify.examples.e2e.TwoWorlds.ceil;
import static dev.shuffify.examples.e2e.TwoWorlds.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.spotify.ApiDialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The raid_and_shuffle chain: one execution, one snapshot, the target read once for both steps. */
class RaidAndShuffleEndToEndTest {

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void theChainRaidsThenShufflesTheRaidedTracksInAndMatchesTheInMemoryService(ApiDialect dialect) {
        try (TwoWorlds w = new TwoWorlds(dialect)) {
            w.login(USER);
            List<String> base = w.fake.addTracks("t", 80);
            List<String> fresh = concat(base.subList(0, 10), w.fake.addTracks("f", 50));
            String target = w.playlist(USER, "Road trip", base);
            String source = w.playlist(USER, "Fresh finds", fresh);
            w.mirror(USER, target, source);
            w.fake.resetLog();
            String schedule = w.schedule(JobSpec.builder("raid_and_shuffle").target(target, "Road trip")
                    .source(DiscoverySource.playlist(source)).algorithm("artist_spread").build());

            TwoWorlds.Runs runs = w.runNow(schedule);

            List<String> after = w.fake.playlistUris(target);
            assertThat(after).containsExactlyElementsOf(w.memory.uris(target))
                    .containsExactlyInAnyOrderElementsOf(concat(base, fresh.subList(10, 60)))
                    .isNotEqualTo(concat(base, fresh.subList(10, 60)));
            assertThat(runs.spotify().tracksAdded()).isEqualTo(50);
            assertThat(runs.spotify().tracksTotal()).isEqualTo(130);
            assertThat(runs.spotify().details()).isEqualTo(runs.memory().details())
                    .containsEntry("shuffle.writeCalls", 2);
            // the target once for both steps, the source once, the verification once
            assertThat(w.playlistReads()).isEqualTo(w.readRequests(80) + w.readRequests(60) + w.readRequests(130));
            // the 50 raided tracks ride in the shuffle's replace: one PUT of 100, one POST of the last 30
            assertThat(w.count("POST")).isEqualTo(ceil(130 - 100, 100));
            assertThat(w.count("PUT")).isEqualTo(1);
            assertThat(w.spotify.snapshots().list(USER, target)).singleElement().satisfies(s -> {
                assertThat(s.type()).isEqualTo(SnapshotType.AUTO_PRE_RAID);
                assertThat(s.uris()).containsExactlyElementsOf(base);
            });
        }
    }
}
