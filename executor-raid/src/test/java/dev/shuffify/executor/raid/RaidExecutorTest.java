package dev.shuffify.executor.raid;

import static dev.shuffify.executor.raid.Fixtures.track;
import static dev.shuffify.executor.raid.Fixtures.tracks;
import static dev.shuffify.executor.raid.Fixtures.uris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import dev.shuffify.memory.Call;
import dev.shuffify.memory.Fault;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.PlannedChange;
import dev.shuffify.model.Preview;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Track;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RaidExecutorTest {
    final ExecutorHarness harness = Fixtures.harness().build();

    private static JobSpec.Builder raid(String... sourcePlaylists) {
        JobSpec.Builder b = JobSpec.builder("raid").target("target", "Target");
        for (String s : sourcePlaylists) {
            b.source(DiscoverySource.playlist(s));
        }
        return b;
    }

    private static long readsOf(HarnessRun run, String playlistId) {
        return run.calls().stream().filter(c -> c.operation() == Operation.READ_PLAYLIST
                && playlistId.equals(c.playlistId())).count();
    }

    @Test
    void addsNewTracksFromEverySourceInOrderOfFirstAppearance() {
        harness.playlist("target", "Target", List.of(track("a", "x"), track("b", "x")));
        harness.playlist("s1", "One", List.of(track("b", "x"), track("c", "y"), track("d", "z"), track("c", "y")));
        harness.playlist("s2", "Two", List.of(track("e", "y"), track("d", "z"), track("a", "x"), track("f", "w")));

        HarnessRun run = harness.run(raid("s1", "spotify:playlist:s2").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(harness.music().uris("target")).isEqualTo(uris("a", "b", "c", "d", "e", "f"));
        assertThat(run.execution().tracksAdded()).isEqualTo(4);
        assertThat(run.execution().tracksTotal()).isEqualTo(6);
        assertThat(run.execution().details()).containsEntry("destination", "target");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perSource = (List<Map<String, Object>>) run.execution().details().get("sources");
        assertThat(perSource).extracting(m -> m.get("status"), m -> m.get("found"), m -> m.get("added"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ok", 4, 2),
                        org.assertj.core.groups.Tuple.tuple("ok", 4, 2));
        assertThat(run.execution().details().get("skipped"))
                .isEqualTo(Map.of("already_present", 2, "duplicate", 2));
    }

    @Test
    void aSecondRunAddsNothingNew() {
        harness.playlist("target", "Target", List.of());
        harness.playlist("s1", "One", tracks("t", 5));
        String id = harness.run(raid("s1").build()).schedule().id();

        HarnessRun again = harness.run(id);

        assertThat(again.succeeded()).isTrue();
        assertThat(again.execution().tracksAdded()).isZero();
        assertThat(again.writes()).isZero();
        assertThat(again.snapshots()).isEmpty();
        assertThat(harness.music().uris("target")).isEqualTo(uris(tracks("t", 5)));
    }

    @Test
    void limitCapsOneRunAndTheNextRunContinues() {
        harness.playlist("target", "Target", List.of());
        harness.playlist("s1", "One", tracks("t", 10));
        HarnessRun first = harness.run(raid("s1").param("limit", 4).build());
        assertThat(first.execution().tracksAdded()).isEqualTo(4);
        assertThat(harness.music().uris("target")).isEqualTo(uris(tracks("t", 10).subList(0, 4)));

        harness.run(first.schedule().id());
        assertThat(harness.music().uris("target")).isEqualTo(uris(tracks("t", 10).subList(0, 8)));
    }

    @Test
    void maxPerArtistCapsEachArtistInOneRun() {
        harness.playlist("target", "Target", List.of(track("old", "a")));
        harness.playlist("s1", "One", List.of(track("a1", "a"), track("a2", "a"), track("b1", "b"), track("a3", "a"),
                track("b2", "b"), track("b3", "b"), track("c1", "c")));

        HarnessRun run = harness.run(raid("s1").param("max_per_artist", 2).build());

        assertThat(harness.music().uris("target")).isEqualTo(uris("old", "a1", "a2", "b1", "b2", "c1"));
        assertThat(run.execution().details().get("skipped")).isEqualTo(Map.of("max_per_artist", 2));
    }

    @Test
    void cooldownKeepsATrackThatLeftTheTargetOutForTheGivenDays() {
        harness.playlist("target", "Target", List.of(track("a", "x")));
        harness.playlist("s1", "One", List.of(track("a", "x"), track("b", "y")));
        HarnessRun first = harness.run(raid("s1").param("cooldown_days", 7).build());
        assertThat(harness.music().uris("target")).isEqualTo(uris("a", "b"));

        harness.music().forUser(harness.userId()).removeTracks("target", uris("b"));
        harness.clock().advance(Duration.ofDays(1));
        HarnessRun cooling = harness.run(first.schedule().id());
        assertThat(cooling.execution().tracksAdded()).isZero();
        assertThat(cooling.execution().details().get("skipped")).isEqualTo(Map.of("already_present", 1,
                "cooldown", 1));
        assertThat(harness.music().uris("target")).isEqualTo(uris("a"));

        // the engine saw the track gone at the run a day after the removal: the cooldown counts from then
        harness.clock().advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(harness.run(first.schedule().id()).execution().tracksAdded()).isZero();

        harness.clock().advance(Duration.ofSeconds(1));
        HarnessRun back = harness.run(first.schedule().id());
        assertThat(back.execution().tracksAdded()).isEqualTo(1);
        assertThat(harness.music().uris("target")).isEqualTo(uris("a", "b"));
    }

    @Test
    void withoutCooldownATrackThatLeftComesBackAtOnce() {
        harness.playlist("target", "Target", List.of());
        harness.playlist("s1", "One", List.of(track("b", "y")));
        String id = harness.run(raid("s1").build()).schedule().id();
        harness.music().forUser(harness.userId()).removeTracks("target", uris("b"));

        assertThat(harness.run(id).execution().tracksAdded()).isEqualTo(1);
    }

    @Test
    void excludedTracksAreNeverAddedWhateverFormTheyAreGivenIn() {
        harness.playlist("target", "Target", List.of());
        String a = "4uLU6hMCjMI75M1A2tKUQC";
        String c = "6rqhFgbbKwnb9MLmUQDhG6";
        String d = "7ouMYWpwJ422jRcDASZB7P";
        harness.playlist("s1", "One", List.of(track(a, "x"), track("b", "x"), track(c, "x"), track(d, "x")));

        HarnessRun run = harness.run(raid("s1").param("excluded_tracks", List.of("spotify:track:" + a,
                "https://open.spotify.com/track/" + c + "?si=123", d)).build());

        assertThat(harness.music().uris("target")).isEqualTo(uris("b"));
        assertThat(run.execution().details().get("skipped")).isEqualTo(Map.of("excluded", 3));
    }

    @Test
    void aSourceThatIsGoneIsSkippedWithAWarningAndTheOthersStillRun() {
        harness.playlist("target", "Target", List.of());
        harness.playlist("s1", "One", List.of(track("a", "x")));
        harness.playlist("s3", "Three", List.of(track("c", "x")));

        HarnessRun run = harness.run(raid("s1", "deleted", "s3").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(harness.music().uris("target")).isEqualTo(uris("a", "c"));
        assertThat(run.execution().warnings()).singleElement().asString()
                .contains("source 2 (playlist 'deleted') is gone or no longer readable; skipped");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perSource = (List<Map<String, Object>>) run.execution().details().get("sources");
        assertThat(perSource).extracting(m -> m.get("status")).containsExactly("ok", "gone", "ok");
    }

    @Test
    void allSourcesGoneIsASuccessWithNothingAddedAndAWarning() {
        harness.playlist("target", "Target", tracks("t", 3));
        harness.playlist("s1", "One", List.of(track("a", "x")));
        String id = harness.run(raid("s1", "s2-never-existed").param("limit", 1).build()).schedule().id();
        harness.music().deletePlaylist("s1");
        harness.music().forUser(harness.userId()).removeTracks("target", uris("a"));

        HarnessRun run = harness.run(id);

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.execution().tracksAdded()).isZero();
        assertThat(run.execution().tracksTotal()).isEqualTo(3);
        assertThat(run.execution().warnings()).hasSize(3).last().asString()
                .contains("all 2 source(s) are gone");
        assertThat(run.writes()).isZero();
    }

    @Test
    void noSourcesIsASuccessThatReportsTheTargetSize() {
        harness.playlist("target", "Target", tracks("t", 7));

        HarnessRun run = harness.run(raid().build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.execution().tracksAdded()).isZero();
        assertThat(run.execution().tracksTotal()).isEqualTo(7);
        assertThat(run.writes()).isZero();
        assertThat(run.snapshots()).isEmpty();
    }

    @Test
    void addsInBatchesOfAHundredAndReadsEachPlaylistOnce() {
        harness.playlist("target", "Target", tracks("t", 40));
        List<Track> one = Stream.concat(tracks("t", 40).stream(), tracks("n", 170).stream()).toList();
        harness.playlist("s1", "One", one);
        harness.playlist("s2", "Two", Stream.concat(tracks("n", 170).stream(), tracks("m", 80).stream()).toList());

        HarnessRun run = harness.run(raid("s1", "s2").build());

        assertThat(run.execution().tracksAdded()).isEqualTo(250);
        assertThat(run.count(Operation.ADD)).isEqualTo(3);
        assertThat(run.calls()).filteredOn(c -> c.operation() == Operation.ADD).extracting(Call::items)
                .containsExactly(100, 100, 50);
        assertThat(run.writes()).isEqualTo(3);
        assertThat(readsOf(run, "s1")).isEqualTo(1);
        assertThat(readsOf(run, "s2")).isEqualTo(1);
        // once by the job, once by the engine's verification afterwards
        assertThat(readsOf(run, "target")).isEqualTo(2);
        List<String> expected = new ArrayList<>(uris(tracks("t", 40)));
        expected.addAll(uris(tracks("n", 170)));
        expected.addAll(uris(tracks("m", 80)));
        assertThat(harness.music().uris("target")).isEqualTo(expected);
    }

    @Test
    void takesOneSnapshotOfTheTargetBeforeTheFirstAdd() {
        harness.playlist("target", "Target", tracks("t", 3));
        harness.playlist("s1", "One", tracks("n", 150));

        HarnessRun run = harness.run(raid("s1").build());

        assertThat(run.snapshots()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SnapshotType.AUTO_PRE_RAID);
            assertThat(s.uris()).isEqualTo(uris(tracks("t", 3)));
        });
    }

    @Test
    void aFailureAtTheSecondAddKeepsTheFirstBatchAndARetryAddsOnlyWhatIsMissing() {
        harness.playlist("target", "Target", List.of());
        harness.playlist("s1", "One", tracks("n", 250));
        harness.music().failOn(Operation.ADD, 2, Fault.SERVER_ERROR);

        HarnessRun failed = harness.run(raid("s1").build());

        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.execution().errorMessage()).contains("502");
        assertThat(harness.music().uris("target")).isEqualTo(uris(tracks("n", 100)));

        HarnessRun retry = harness.run(failed.schedule().id());

        assertThat(retry.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(retry.execution().tracksAdded()).isEqualTo(150);
        assertThat(retry.count(Operation.ADD)).isEqualTo(2);
        assertThat(harness.music().uris("target")).isEqualTo(uris(tracks("n", 250)));
    }

    @Test
    void aLostResponseThenARetryLeavesNoDuplicates() {
        harness.playlist("target", "Target", List.of());
        harness.playlist("s1", "One", tracks("n", 120));
        harness.music().failOn(Operation.ADD, 2, Fault.LOST_RESPONSE);

        HarnessRun failed = harness.run(raid("s1").build());
        assertThat(failed.status()).isNotEqualTo(ExecutionStatus.SUCCESS);
        harness.run(failed.schedule().id());

        assertThat(harness.music().uris("target")).isEqualTo(uris(tracks("n", 120)));
    }

    @Test
    void previewListsTheAddsAndWritesNothing() {
        harness.playlist("target", "Target", tracks("t", 2));
        harness.playlist("s1", "One", tracks("n", 130));

        Preview preview = harness.preview(raid("s1").param("limit", 120).build());

        assertThat(preview.result().tracksAdded()).isEqualTo(120);
        assertThat(preview.result().tracksTotal()).isEqualTo(122);
        assertThat(preview.adds("target")).isEqualTo(uris(tracks("n", 120)));
        assertThat(preview.changes()).extracting(PlannedChange::operation)
                .containsExactly(PlannedChange.Operation.ADD, PlannedChange.Operation.ADD);
        assertThat(harness.music().writeCalls()).isZero();
        assertThat(harness.music().uris("target")).isEqualTo(uris(tracks("t", 2)));
        assertThat(harness.store().snapshots().listByPlaylist(harness.userId(), "target")).isEmpty();
    }

    @Test
    void rejectsBadParametersNamingEveryFieldAndStoresNothing() {
        harness.playlist("target", "Target", List.of());
        JobSpec bad = raid("s1", "spotify:album:xyz").source(DiscoverySource.of("carrier_pigeon", "x"))
                .param("limit", 0).param("max_per_artist", "many").param("cooldown_days", -1)
                .param("maxPerArtist", 2).build();

        assertThatThrownBy(() -> harness.schedule(bad)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactlyInAnyOrder(
                    "job.params.limit", "job.params.max_per_artist", "job.params.cooldown_days",
                    "job.params.maxPerArtist", "job.sources[1].argument", "job.sources[2].strategy");
            assertThat(e.getMessage()).contains("an integer >= 1").contains("names an album, not a playlist")
                    .contains("unknown discovery strategy 'carrier_pigeon'").contains("album_queue");
        });
        assertThat(harness.shuffify().schedules().list(harness.userId())).isEmpty();
    }

    @Test
    void rejectsAnExclusionThatIsNoTrackAndASourceThatIsTheTargetItself() {
        harness.playlist("target", "Target", List.of());
        JobSpec bad = raid("https://open.spotify.com/playlist/target?si=1", "s1")
                .param("excluded_tracks", List.of("spotify:track:4uLU6hMCjMI75M1A2tKUQC", "spotify:artist:abc"))
                .build();

        assertThatThrownBy(() -> harness.schedule(bad)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactly(
                    "job.params.excluded_tracks[1]", "job.sources[0].argument");
            assertThat(e.getMessage()).contains("names an artist, not a track")
                    .contains("is the playlist this raid fills");
        });
        assertThat(harness.shuffify().schedules().list(harness.userId())).isEmpty();
    }

    /**
     * Issue 14: a raid whose add was applied although the run failed (its answer lost) must not raid again on
     * the retry: the tracks it added count towards the slot's limit. The next slot raids a full limit again.
     */
    @Test
    void aRetryAfterALostAnswerOnTheAddAddsNoMoreThanOneRunWould() {
        harness.playlist("target", "Target", tracks("t", 2));
        harness.playlist("s1", "One", tracks("s", 10));
        HarnessRun first = harness.run(raid("s1").param("limit", 3).build());
        assertThat(first.execution().tracksAdded()).isEqualTo(3);
        String id = first.schedule().id();
        harness.clock().advance(Duration.ofDays(1));
        harness.music().failOn(Operation.ADD, 1, Fault.LOST_RESPONSE);

        HarnessRun failed = harness.run(id);
        assertThat(failed.status()).isNotEqualTo(ExecutionStatus.SUCCESS);
        assertThat(harness.music().uris("target")).hasSize(8);
        harness.clock().advance(Duration.ofMinutes(5));
        HarnessRun retry = harness.run(id);

        assertThat(retry.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(retry.writes()).isZero();
        assertThat(retry.execution().details()).containsEntry("added_by_earlier_run", 3);
        List<String> expected = new ArrayList<>(uris(tracks("t", 2)));
        expected.addAll(uris(tracks("s", 10).subList(0, 6)));
        assertThat(harness.music().uris("target")).isEqualTo(expected);

        harness.clock().advance(Duration.ofDays(1));
        HarnessRun next = harness.run(id);
        assertThat(next.execution().tracksAdded()).isEqualTo(3);
        assertThat(next.execution().details()).containsEntry("added_by_earlier_run", 0);
        assertThat(harness.music().uris("target")).hasSize(11).doesNotHaveDuplicates();
    }

    /** A track the user put in the target by hand between two good runs is no earlier run's add. */
    @Test
    void tracksAddedByHandBetweenGoodRunsDoNotCountTowardsTheLimit() {
        harness.playlist("target", "Target", tracks("t", 2));
        harness.playlist("s1", "One", tracks("s", 10));
        String id = harness.run(raid("s1").param("limit", 3).build()).schedule().id();
        harness.clock().advance(Duration.ofDays(1));
        harness.music().insertEntries("target", 5, tracks("s", 10).subList(3, 4));

        HarnessRun next = harness.run(id);

        assertThat(next.execution().tracksAdded()).isEqualTo(3);
        assertThat(next.execution().details()).containsEntry("added_by_earlier_run", 0);
        assertThat(harness.music().uris("target")).hasSize(9).doesNotHaveDuplicates();
    }
}
