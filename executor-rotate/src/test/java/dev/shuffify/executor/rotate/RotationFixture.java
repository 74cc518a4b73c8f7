package dev.shuffify.executor.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Track;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A production playlist {@value #PROD} and its archive {@value #ARCH} in an {@link ExecutorHarness} that knows
 * only the rotate job type. Tracks get added dates one day apart, before the harness clock's start.
 */
final class RotationFixture {
    static final String PROD = "prod";
    static final String ARCH = "arch";
    static final String PROD_NAME = "Daily Mix";
    static final String ARCH_NAME = "Daily Mix archive";
    static final Instant ADDED_BASE = Instant.parse("2025-01-01T00:00:00Z");

    final ExecutorHarness harness;

    RotationFixture() {
        this(ExecutorHarness.of(new RotateExecutor()));
    }

    RotationFixture(ExecutorHarness harness) {
        this.harness = harness;
    }

    static String u(String id) {
        return "spotify:track:" + id;
    }

    static List<String> us(String... ids) {
        return List.of(ids).stream().map(RotationFixture::u).toList();
    }

    /** Ids {@code prefix1..prefixN}. */
    static String[] ids(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toArray(String[]::new);
    }

    static List<Track> tracks(int dayOffset, String... ids) {
        List<Track> out = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            out.add(Track.of(ids[i], "Song " + ids[i], new Artist("ar-" + ids[i], "Artist " + ids[i]),
                    new Album("al-" + ids[i], "Album " + ids[i], "2020-01-01"))
                    .withAddedAt(ADDED_BASE.plus(Duration.ofDays(dayOffset + i))));
        }
        return out;
    }

    RotationFixture production(String... ids) {
        harness.playlist(PROD, PROD_NAME, tracks(0, ids));
        return this;
    }

    RotationFixture archive(String... ids) {
        harness.playlist(ARCH, ARCH_NAME, tracks(100, ids));
        return this;
    }

    RotationFixture pair() {
        harness.pair(PROD, ARCH);
        return this;
    }

    static JobSpec.Builder spec(String mode, Object count) {
        JobSpec.Builder b = JobSpec.builder("rotate").target(PROD, PROD_NAME).param("rotation_mode", mode);
        if (count != null) {
            b.param("rotation_count", count);
        }
        return b;
    }

    HarnessRun run(JobSpec.Builder spec) {
        return harness.run(spec.build());
    }

    List<String> prod() {
        return harness.music().uris(PROD);
    }

    List<String> arch() {
        return harness.music().uris(ARCH);
    }

    /** Both playlists' uris, production first. */
    List<String> both() {
        List<String> all = new ArrayList<>(prod());
        all.addAll(arch());
        return all;
    }

    /** The engine watched production grow: {@code ids[i]} was first seen on day {@code i}. */
    void observedGrowing(String playlistId, String... ids) {
        Instant start = harness.clock().instant().minus(Duration.ofDays(ids.length + 1));
        for (int i = 1; i <= ids.length; i++) {
            harness.store().membership().observe(playlistId, us(ids).subList(0, i), start.plus(Duration.ofDays(i)));
        }
    }

    static void assertNothingLost(Collection<String> before, List<String> production, List<String> archive) {
        Set<String> now = new HashSet<>(production);
        now.addAll(archive);
        assertThat(now).as("every track that was in production or the archive is still in one of them")
                .containsAll(before);
    }

    static void assertNoDuplicates(List<String> playlist) {
        assertThat(playlist).doesNotHaveDuplicates();
    }
}
