package dev.shuffify.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModelTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Schedule schedule() {
        return new Schedule("s1", "alice", JobSpec.builder("shuffle").target("p1", "Mix").build(),
                Trigger.named("daily"), true, true, null, T0, T0, null, null, null, T0.plus(Duration.ofDays(1)));
    }

    @Nested
    class JobSpecs {
        @Test
        void theBuilderMakesAnImmutableCopyAndBuildDoesNotChangeIt() {
            List<Object> uris = new ArrayList<>(List.of("spotify:track:a"));
            JobSpec.Builder b = JobSpec.builder("raid").target("p1", "Mix").source(DiscoverySource.playlist("src"))
                    .algorithm("balanced").algorithmParam("section_count", 4).param("uris", uris);
            JobSpec first = b.build();
            uris.add("spotify:track:b");
            b.param("limit", 5);
            JobSpec second = b.build();

            assertThat(first.params()).containsOnlyKeys("uris");
            assertThat(first.params().get("uris")).isEqualTo(List.of("spotify:track:a"));
            assertThat(second.params()).containsOnlyKeys("uris", "limit");
            assertThatThrownBy(() -> first.params().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> first.sources().add(DiscoverySource.of("liked", null)))
                    .isInstanceOf(UnsupportedOperationException.class);
            @SuppressWarnings("unchecked")
            List<Object> stored = (List<Object>) first.params().get("uris");
            assertThatThrownBy(() -> stored.add("x")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void toBuilderRoundTrips() {
            JobSpec spec = JobSpec.builder("raid").target("p1", "Mix").source(DiscoverySource.playlist("src"))
                    .algorithm("balanced").algorithmParam("section_count", 4).param("limit", 3).build();
            assertThat(spec.toBuilder().build()).isEqualTo(spec);
            JobSpec changed = spec.toBuilder().param("limit", 9).build();
            assertThat(changed.params()).containsEntry("limit", 9);
            assertThat(spec.params()).containsEntry("limit", 3);
        }

        @Test
        void nullsBecomeEmptyAndTheTypeIsRequired() {
            JobSpec spec = new JobSpec("report", null, null, null, null, null);
            assertThat(spec.sources()).isEmpty();
            assertThat(spec.params()).isEmpty();
            assertThat(spec.algorithmParams()).isEmpty();
            assertThatThrownBy(() -> new JobSpec(null, null, null, null, null, null))
                    .isInstanceOf(dev.shuffify.error.ValidationException.class).hasMessageContaining("job.type");
            Map<String, Object> nullKey = new HashMap<>();
            nullKey.put(null, 1);
            assertThatThrownBy(() -> new JobSpec("x", null, null, null, null, nullKey))
                    .hasMessageContaining("parameter name");
            assertThatThrownBy(() -> JobSpec.builder("raid").source(null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void sourcesCopyTheirParameters() {
            Map<String, Object> params = new LinkedHashMap<>(Map.of("limit", 5));
            DiscoverySource source = new DiscoverySource("playlist", "p9", params);
            params.put("limit", 6);
            assertThat(source.params()).containsEntry("limit", 5);
            assertThat(DiscoverySource.playlist("p9")).isEqualTo(new DiscoverySource("playlist", "p9", null));
        }
    }

    @Nested
    class Schedules {
        @Test
        void copiesChangeOnlyWhatTheySay() {
            Schedule s = schedule();
            Instant later = T0.plus(Duration.ofHours(3));
            Schedule ran = s.withOutcome(later, ExecutionStatus.FAILED, "boom", later.plus(Duration.ofDays(1)));
            assertThat(ran).usingRecursiveComparison().ignoringFields("lastRunAt", "lastStatus", "lastError",
                    "nextRunAt").isEqualTo(s);
            assertThat(ran.lastRunAt()).isEqualTo(later);
            assertThat(ran.lastStatus()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(ran.lastError()).isEqualTo("boom");
            assertThat(ran.updatedAt()).as("a run is no change of the definition").isEqualTo(T0);

            Schedule paused = ran.withEnabled(false, later);
            assertThat(paused.enabled()).isFalse();
            assertThat(paused.updatedAt()).isEqualTo(later);
            assertThat(paused.lastError()).isEqualTo("boom");
            assertThat(paused.withNextRunAt(null).nextRunAt()).isNull();
            assertThat(s.jobType()).isEqualTo("shuffle");
        }

        @Test
        void defaultsAndLimits() {
            Schedule s = schedule();
            assertThat(s.misfirePolicy()).isEqualTo(MisfirePolicy.RUN_ONCE);
            assertThat(s.withOutcome(T0, ExecutionStatus.FAILED, "x".repeat(3000), null).lastError()).hasSize(1000);
            assertThatThrownBy(() -> new Schedule("s", "u", null, Trigger.named("daily"), true, true, null, T0, T0,
                    null, null, null, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("job");
            assertThatThrownBy(() -> new Schedule("s", "u", s.job(), null, true, true, null, T0, T0,
                    null, null, null, null)).hasMessageContaining("trigger");
        }

        @Test
        void definitionsDefaultToEnabledVerifiedRunOnce() {
            ScheduleDefinition d = ScheduleDefinition.of(schedule().job(), Trigger.named("hourly"));
            assertThat(d.enabled()).isTrue();
            assertThat(d.verifyWrites()).isTrue();
            assertThat(d.misfirePolicy()).isEqualTo(MisfirePolicy.RUN_ONCE);
            ScheduleDefinition changed = d.withEnabled(false).withVerifyWrites(false);
            assertThat(changed).isEqualTo(new ScheduleDefinition(d.job(), d.trigger(), false, false, null));
            assertThat(d.enabled()).isTrue();
        }
    }

    @Nested
    class Executions {
        final Execution running = Execution.started("e1", schedule(), T0, TriggerSource.MANUAL, 1);

        @Test
        void aStartedExecutionIsRunningWithNoDuration() {
            assertThat(running.status()).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(running.status().isFinal()).isFalse();
            assertThat(running.jobType()).isEqualTo("shuffle");
            assertThat(running.userId()).isEqualTo("alice");
            assertThat(running.duration()).isEmpty();
        }

        @Test
        void successTakesTheResultsCountsDetailsAndWarnings() {
            JobResult result = JobResult.builder().tracksAdded(3).tracksRemoved(1).tracksTotal(42)
                    .detail("sources", 2).warning("source p9 skipped").build();
            Execution done = running.succeeded(T0.plusSeconds(90), result);
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(done.tracksAdded()).isEqualTo(3);
            assertThat(done.tracksRemoved()).isEqualTo(1);
            assertThat(done.tracksTotal()).isEqualTo(42);
            assertThat(done.details()).containsEntry("sources", 2);
            assertThat(done.warnings()).containsExactly("source p9 skipped");
            assertThat(done.errorMessage()).isNull();
            assertThat(done.duration()).contains(Duration.ofSeconds(90));
            assertThat(done.triggerSource()).isEqualTo(TriggerSource.MANUAL);
        }

        @Test
        void anEndedExecutionKeepsItsErrorCutToOneThousandCharacters() {
            Execution failed = running.ended(T0, ExecutionStatus.FAILED_ROLLED_BACK, "e".repeat(1000));
            assertThat(failed.errorMessage()).hasSize(1000).doesNotEndWith("…");
            Execution cut = running.ended(T0, ExecutionStatus.FAILED, "e".repeat(1001));
            assertThat(cut.errorMessage()).hasSize(1000).endsWith("e…");
            assertThat(cut.status().wireName()).isEqualTo("failed");
            assertThat(ExecutionStatus.FAILED_ROLLED_BACK.wireName()).isEqualTo("failed_rolled_back");
        }

        @Test
        void attemptsStartAtOneAndDefaultsAreFilledIn() {
            assertThatThrownBy(() -> Execution.started("e", schedule(), T0, TriggerSource.RETRY, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempt");
            Execution e = new Execution("e", "s", "u", "t", T0, null, ExecutionStatus.RUNNING, 0, 0, 0, null, null,
                    2, null, null);
            assertThat(e.triggerSource()).isEqualTo(TriggerSource.SCHEDULER);
            assertThat(e.details()).isEmpty();
            assertThat(e.warnings()).isEmpty();
        }

        @Test
        void resultsRejectNegativeCountsAndCopyCollections() {
            assertThatThrownBy(() -> JobResult.of(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
            JobResult.Builder b = JobResult.builder().detail("k", 1);
            JobResult first = b.build();
            b.detail("k2", 2).warning("w");
            assertThat(first.details()).containsOnlyKeys("k");
            assertThat(first.warnings()).isEmpty();
        }
    }

    @Nested
    class ValueTypes {
        @Test
        void tracksNeedAUriAndKnowTheirArtistAndAlbumKeys() {
            assertThatThrownBy(() -> Track.ofUri(" ")).isInstanceOf(IllegalArgumentException.class);
            Track local = Track.ofUri("spotify:local:Band:Album:Song:180");
            assertThat(local.local()).isTrue();
            assertThat(local.id()).isNull();
            assertThat(local.primaryArtistKey()).isEqualTo("uri:spotify:local:Band:Album:Song:180");
            Track t = Track.of("abc", "Song", new Artist(null, "The Band"), new Album(null, "First", "2020"));
            assertThat(t.uri()).isEqualTo("spotify:track:abc");
            assertThat(Track.ofUri("spotify:track:abc").id()).isEqualTo("abc");
            assertThat(t.primaryArtistKey()).isEqualTo("name:the band");
            assertThat(t.albumKey()).isEqualTo("name:first");
            assertThat(t.withAddedAt(T0).addedAt()).isEqualTo(T0);
            assertThat(new Artist("a1", "X").key()).isEqualTo("a1");
        }

        @Test
        void pinsAreEitherByUriOrByAPositionRange() {
            Pin byUri = new Pin("p", "u", "pl", "spotify:track:a", 3, 9, null);
            assertThat(byUri.isByUri()).isTrue();
            assertThat(byUri.fromPosition()).isEqualTo(-1);
            Pin range = new Pin("p", "u", "pl", null, 0, 2, T0);
            assertThat(range.isActive(T0.minusSeconds(1))).isTrue();
            assertThat(range.isActive(T0)).isFalse();
            assertThatThrownBy(() -> new Pin("p", "u", "pl", null, 3, 2, null))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field())
                            .isEqualTo("pin.positions"));
            assertThatThrownBy(() -> new Pin("p", "u", "pl", null, -1, 2, null)).isInstanceOf(ValidationException.class);
        }

        @Test
        void aPairNeedsTwoDifferentPlaylists() {
            assertThatThrownBy(() -> new PlaylistPair("u", PlaylistRef.of("a"), new PlaylistRef("a", "Also a"), T0))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("archive"));
        }

        @Test
        void settingsKeepAtLeastOneSnapshot() {
            assertThat(UserSettings.DEFAULTS).isEqualTo(new UserSettings(true, 10));
            assertThatThrownBy(() -> new UserSettings(true, 0)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.errors().get(0).field()).isEqualTo("snapshotRetention"));
        }

        @Test
        void accountsCopyTheirTokenAndNeverPrintIt() {
            byte[] token = "ciphertext".getBytes(StandardCharsets.UTF_8);
            Account a = new Account("u", token, AccountHealth.OK, 0, null, T0);
            token[0] = 'X';
            assertThat(new String(a.encryptedRefreshToken(), StandardCharsets.UTF_8)).isEqualTo("ciphertext");
            a.encryptedRefreshToken()[0] = 'Y';
            assertThat(a).isEqualTo(new Account("u", "ciphertext".getBytes(StandardCharsets.UTF_8), AccountHealth.OK,
                    0, null, T0));
            assertThat(a.hashCode()).isEqualTo(new Account("u", "ciphertext".getBytes(StandardCharsets.UTF_8),
                    AccountHealth.OK, 0, null, T0).hashCode());
            assertThat(a.toString()).doesNotContain("ciphertext").contains("<encrypted>");
            assertThat(new Account("u", null, AccountHealth.NEEDS_LOGIN, 0, null, T0).toString()).contains("none");
        }

        @Test
        void snapshotsPlaylistsAndActivitiesAreCopies() {
            List<String> uris = new ArrayList<>(List.of("spotify:track:a"));
            Snapshot snapshot = new Snapshot("s", "u", "p", null, uris, SnapshotType.MANUAL, null, T0);
            uris.add("spotify:track:b");
            assertThat(snapshot.size()).isEqualTo(1);
            assertThat(snapshot.playlistName()).isEmpty();
            assertThat(SnapshotType.AUTO_PRE_RESTORE.wireName()).isEqualTo("auto_pre_restore");

            Playlist p = new Playlist("p", null, "u", "v1", List.of(Track.ofUri("spotify:track:a")));
            assertThat(p.summary()).isEqualTo(new PlaylistSummary("p", "", "u", "v1", 1));
            assertThat(p.uris()).containsExactly("spotify:track:a");

            Map<String, Object> meta = new HashMap<>(Map.of("k", 1));
            Activity activity = new Activity("a", "u", ActivityType.PAIR_CREATED, null, meta, T0);
            meta.put("k", 2);
            assertThat(activity.metadata()).containsEntry("k", 1);
            assertThat(activity.description()).isEmpty();
        }

        @Test
        void aPreviewListsAddsAndRemovesPerPlaylist() {
            Preview preview = new Preview("s", JobResult.of(2, 1, 5), List.of(
                    new PlannedChange(PlannedChange.Operation.ADD, "p1", List.of("a", "b"), null, 0, -1),
                    new PlannedChange(PlannedChange.Operation.REMOVE, "p1", List.of("c"), null, 0, -1),
                    new PlannedChange(PlannedChange.Operation.ADD, "p2", List.of("c"), null, 0, -1),
                    new PlannedChange(PlannedChange.Operation.REORDER, "p1", List.of(), 0, 2, 5)));
            assertThat(preview.adds("p1")).containsExactly("a", "b");
            assertThat(preview.removes("p1")).containsExactly("c");
            assertThat(preview.adds("p2")).containsExactly("c");
            assertThat(preview.removes("p2")).isEmpty();
        }
    }
}
