package dev.shuffify.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The take-over rule of playlist leases has one home, {@link PlaylistLeaseRule}, and every path that takes
 * leases agrees with it: the engine's (one run, or a repair: {@link PlaylistLeaseRule#acquireAll}), the default
 * {@link ShuffifyStore#startRuns} (the in-memory store) and the JDBC store's batch, whose SQL reads the holder's
 * status in the transaction.
 */
class PlaylistLeaseRuleTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final String PLAYLIST = "pl-1";

    @TempDir
    Path dir;

    /** The holder's lease: whether it has expired, and its execution's status (null: not stored). */
    static Stream<Arguments> leases() {
        List<Arguments> all = new ArrayList<>();
        for (boolean expired : new boolean[] {false, true}) {
            all.add(Arguments.of(expired, null));
            for (ExecutionStatus status : ExecutionStatus.values()) {
                all.add(Arguments.of(expired, status));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "expired={0}, holder {1}")
    @MethodSource("leases")
    void everyPathTakesALeaseOverExactlyWhenTheRuleSays(boolean expired, ExecutionStatus holderStatus) {
        boolean rule = PlaylistLeaseRule.mayTakeOver("taker", null, "holder", expiresAt(expired),
                Optional.ofNullable(holderStatus), NOW);
        assertThat(rule).isEqualTo(expired || holderStatus != ExecutionStatus.RUNNING);

        for (String kind : List.of("memory", "jdbc")) {
            try (ShuffifyStore store = held(kind, expired, holderStatus)) {
                List<Optional<String>> busy = store.startRuns(List.of(new RunStart(running("taker"),
                        List.of(PLAYLIST), NOW.plus(Duration.ofMinutes(30)))));
                assertThat(busy.get(0).isEmpty()).as("startRuns on %s", kind).isEqualTo(rule);
                assertThat(store.playlistLeases().holder(PLAYLIST, NOW)).as("holder on %s", kind)
                        .contains(rule ? "taker" : "holder");
            }
            try (ShuffifyStore store = held(kind, expired, holderStatus)) {
                List<String> leased = new ArrayList<>();
                Optional<String> busy = PlaylistLeaseRule.acquireAll(store.playlistLeases(),
                        id -> store.executions().find(id).map(Execution::status), List.of(PLAYLIST), "taker", null,
                        NOW.plus(Duration.ofMinutes(30)), NOW, leased);
                assertThat(busy.isEmpty()).as("the engine's path on %s", kind).isEqualTo(rule);
                assertThat(leased).isEqualTo(rule ? List.of(PLAYLIST) : List.of());
            }
        }
    }

    @ParameterizedTest(name = "expired={0}, holder {1}")
    @MethodSource("leases")
    void aRepairTakesOverTheLeaseOfTheRunItFinishesWhateverItsState(boolean expired,
            ExecutionStatus holderStatus) {
        assertThat(PlaylistLeaseRule.mayTakeOver("repair", "holder", "holder", expiresAt(expired),
                Optional.ofNullable(holderStatus), NOW)).isTrue();
        for (String kind : List.of("memory", "jdbc")) {
            try (ShuffifyStore store = held(kind, expired, holderStatus)) {
                List<String> leased = new ArrayList<>();
                assertThat(PlaylistLeaseRule.acquireAll(store.playlistLeases(),
                        id -> store.executions().find(id).map(Execution::status), List.of(PLAYLIST), "repair",
                        "holder", NOW.plus(Duration.ofMinutes(30)), NOW, leased)).as(kind).isEmpty();
            }
        }
    }

    private ShuffifyStore held(String kind, boolean expired, ExecutionStatus holderStatus) {
        ShuffifyStore store = kind.equals("jdbc")
                ? JdbcShuffifyStore.embedded(dir.resolve("db-" + System.nanoTime())) : new InMemoryShuffifyStore();
        if (holderStatus != null) {
            Execution holder = running("holder");
            store.executions().save(holderStatus == ExecutionStatus.RUNNING ? holder
                    : holder.ended(NOW.minusSeconds(30), holderStatus, null));
        }
        Instant taken = NOW.minus(Duration.ofHours(2));
        assertThat(store.playlistLeases().tryAcquire(PLAYLIST, "holder", null, expiresAt(expired), taken)).isTrue();
        return store;
    }

    private static Instant expiresAt(boolean expired) {
        return expired ? NOW.minus(Duration.ofHours(1)) : NOW.plus(Duration.ofHours(1));
    }

    private static Execution running(String id) {
        return new Execution(id, "s-" + id, "alice", "shuffle", NOW.minusSeconds(60), null, ExecutionStatus.RUNNING,
                0, 0, 0, null, TriggerSource.SCHEDULER, 1, Map.of(), List.of());
    }
}
