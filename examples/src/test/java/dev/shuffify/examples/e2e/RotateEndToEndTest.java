package dev.shuffify.examples.e2e;

import static dev.shuffify.examples.e2e.TwoWorlds.USER;
import static dev.shuffify.examples.e2e.TwoWorlds.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.JobSpec;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.spotify.ApiDialect;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rotate job type, each mode, on a production/archive pair through the Spotify adapter. */
class RotateEndToEndTest {

    @ParameterizedTest(name = "{0} in the {1} dialect")
    @CsvSource({
        "archive_oldest, ITEMS, 1, 0, 1, 0",
        "refresh,        ITEMS, 1, 1, 1, 0",
        "swap,           ITEMS, 1, 1, 1, 1",
        "archive_oldest, TRACKS, 1, 0, 1, 0",
        "refresh,        TRACKS, 1, 1, 1, 0",
        "swap,           TRACKS, 1, 1, 1, 1"})
    void aRotationMovesTheOldestTracksAddingBeforeRemovingAndMatchesTheInMemoryService(String mode,
            ApiDialect dialect, int archiveAdds, int productionAdds, int productionRemoves, int archiveRemoves) {
        try (TwoWorlds w = new TwoWorlds(dialect)) {
            w.login(USER);
            List<String> p = w.fake.addTracks("p", 20);
            List<String> a = w.fake.addTracks("a", 6);
            String production = w.playlist(USER, "Morning mix", p);
            String archive = w.playlist(USER, "Morning mix archive", a);
            w.mirror(USER, production, archive);
            w.pair(production, archive);
            w.fake.resetLog();
            String schedule = w.schedule(JobSpec.builder("rotate").target(production, "Morning mix")
                    .param("rotation_mode", mode).param("rotation_count", 3).build());

            TwoWorlds.Runs first = w.runNow(schedule);

            List<String> out = p.subList(0, 3);
            List<String> expectedProduction = switch (mode) {
                case "archive_oldest" -> p.subList(3, 20);
                case "refresh" -> concat(p.subList(3, 20), List.of(a.get(5), a.get(4), a.get(3)));
                default -> concat(p.subList(3, 20), a.subList(0, 3));
            };
            List<String> expectedArchive = mode.equals("swap") ? concat(a.subList(3, 6), out) : concat(a, out);
            assertThat(w.fake.playlistUris(production)).containsExactlyElementsOf(expectedProduction)
                    .containsExactlyElementsOf(w.memory.uris(production));
            assertThat(w.fake.playlistUris(archive)).containsExactlyElementsOf(expectedArchive)
                    .containsExactlyElementsOf(w.memory.uris(archive));
            assertThat(first.spotify().details()).isEqualTo(first.memory().details());
            // production and archive read once by the job and once by the verification, one request each
            assertThat(w.playlistReads()).isEqualTo(4);
            assertThat(w.count("POST")).isEqualTo(archiveAdds + productionAdds);
            assertThat(w.count("DELETE")).isEqualTo(productionRemoves + archiveRemoves);
            assertThat(addsBeforeRemoves(w)).isTrue();
            assertThat(w.spotify.snapshots().list(USER, production)).singleElement()
                    .satisfies(s -> assertThat(s.type()).isEqualTo(SnapshotType.AUTO_PRE_ROTATE));

            w.advance(Duration.ofDays(1));
            w.runNow(schedule);

            assertThat(w.fake.playlistUris(production)).containsExactlyElementsOf(w.memory.uris(production));
            assertThat(w.fake.playlistUris(archive)).containsExactlyElementsOf(w.memory.uris(archive));
            assertThat(concat(w.fake.playlistUris(production), w.fake.playlistUris(archive)))
                    .containsAll(p).containsAll(a);
        }
    }

    @Test
    void aSwapQueueBringsTheLongestArchivedBackByMembershipHistoryNotByAddedDate() {
        try (TwoWorlds w = new TwoWorlds(ApiDialect.ITEMS)) {
            w.login(USER);
            List<String> p = w.fake.addTracks("p", 20);
            List<String> a = w.fake.addTracks("a", 6);
            String production = w.playlist(USER, "Morning mix", p);
            String archive = w.playlist(USER, "Morning mix archive", a);
            w.mirror(USER, production, archive);
            w.pair(production, archive);
            String schedule = w.schedule(JobSpec.builder("rotate").target(production, "Morning mix")
                    .param("rotation_mode", "swap").param("rotation_count", 3).build());

            w.runNow(schedule);
            w.advance(Duration.ofDays(1));
            w.runNow(schedule);

            assertThat(w.fake.playlistUris(production)).containsExactlyElementsOf(concat(p.subList(6, 20), a));
            assertThat(w.fake.playlistUris(archive)).containsExactlyElementsOf(p.subList(0, 6));
        }
    }

    /** Every DELETE of a playlist's items comes after the POST that put its tracks in the other playlist. */
    private static boolean addsBeforeRemoves(TwoWorlds w) {
        List<String> writes = w.fake.exchanges().stream().filter(e -> !e.method().equals("GET")
                && e.path().startsWith("/v1/playlists/")).map(e -> e.method()).toList();
        int firstDelete = writes.indexOf("DELETE");
        int lastPost = writes.lastIndexOf("POST");
        return firstDelete < 0 || lastPost < firstDelete;
    }
}
