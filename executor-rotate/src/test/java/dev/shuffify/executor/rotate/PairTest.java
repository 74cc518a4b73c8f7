package dev.shuffify.executor.rotate;

import static dev.shuffify.executor.rotate.RotationFixture.ARCH;
import static dev.shuffify.executor.rotate.RotationFixture.PROD;
import static dev.shuffify.executor.rotate.RotationFixture.ids;
import static dev.shuffify.executor.rotate.RotationFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.Shuffify;
import dev.shuffify.error.ValidationException;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.RotationStatus;
import dev.shuffify.testkit.HarnessRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Playlist pairs as the rotate job type relies on them (created, checked and deleted through the facade). */
class PairTest {

    final RotationFixture f = new RotationFixture();
    final Shuffify shuffify = f.harness.shuffify();
    final String user = f.harness.userId();

    @Test
    void aPairIsStoredAndFound() {
        f.production(ids("p", 2)).archive("a1");

        PlaylistPair pair = f.harness.pair(PROD, ARCH);

        assertThat(pair.production().id()).isEqualTo(PROD);
        assertThat(pair.archive().id()).isEqualTo(ARCH);
        assertThat(pair.archive().name()).isEqualTo(RotationFixture.ARCH_NAME);
        assertThat(shuffify.pairs().find(user, PROD)).contains(pair);
        assertThat(shuffify.pairs().list(user)).containsExactly(pair);
    }

    @Test
    void theArchiveMustDifferFromProduction() {
        f.production(ids("p", 2));

        assertThatThrownBy(() -> f.harness.pair(PROD, PROD)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("archive");
        assertThat(shuffify.pairs().list(user)).isEmpty();
    }

    @Test
    void aProductionPlaylistHasAtMostOnePair() {
        f.production(ids("p", 2)).archive("a1");
        f.harness.playlist("other", "Other", List.of());
        f.pair();

        assertThatThrownBy(() -> f.harness.pair(PROD, "other")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("already paired");
        assertThat(shuffify.pairs().find(user, PROD)).get().extracting(p -> p.archive().id()).isEqualTo(ARCH);
    }

    @Test
    void bothPlaylistsMustBeTheUsersOwn() {
        f.production(ids("p", 2));
        f.harness.music().createPlaylist("someone-else", "theirs", "Theirs", List.of());

        assertThatThrownBy(() -> f.harness.pair(PROD, "theirs")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not one of the user's own playlists");
        assertThatThrownBy(() -> f.harness.pair("missing", PROD)).isInstanceOf(ValidationException.class);
        assertThat(shuffify.pairs().list(user)).isEmpty();
    }

    @Test
    void withoutAnArchiveIdANewArchiveIsCreatedAndRotationsUseIt() {
        f.production(ids("p", 3));

        PlaylistPair pair = shuffify.pairs().createWithNewArchive(user, PROD);
        HarnessRun run = f.run(spec("archive_oldest", 1));

        assertThat(run.succeeded()).isTrue();
        assertThat(f.harness.music().uris(pair.archive().id())).containsExactly(RotationFixture.u("p1"));
    }

    @Test
    void afterThePairIsDeletedRotationsFailAndTheStatusIsNotReady() {
        f.production(ids("p", 3)).archive("a1").pair();
        shuffify.pairs().delete(user, PROD);

        HarnessRun run = f.run(spec("swap", 1));
        RotationStatus status = shuffify.pairs().rotationStatus(user, PROD);

        assertThat(run.succeeded()).isFalse();
        assertThat(run.execution().errorMessage()).contains("create a playlist pair");
        assertThat(status.isReady()).isFalse();
        assertThat(status.lastExecution()).get().extracting(e -> e.errorMessage()).asString()
                .contains("create a playlist pair");
        assertThatThrownBy(() -> shuffify.pairs().delete(user, PROD)).isInstanceOf(NotFoundException.class);
    }
}
