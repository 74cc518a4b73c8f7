package dev.shuffify.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.spi.AccountSignal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Health writes from two nodes over one store: neither a rotated token nor a counted failure is lost. */
class AccountHealthRecorderTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final byte[] FIRST = {1, 2, 3};
    private static final byte[] ROTATED = {4, 5, 6, 7};

    private final InMemoryShuffifyStore store = new InMemoryShuffifyStore();
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    /** The store as this node sees it: another node writes right after each of this node's first reads. */
    private final class OtherNodeBetweenReadAndWrite implements AccountStore {
        private final Runnable otherNode;
        private final AtomicInteger reads = new AtomicInteger();
        private final int interfereOnReads;

        OtherNodeBetweenReadAndWrite(int interfereOnReads, Runnable otherNode) {
            this.interfereOnReads = interfereOnReads;
            this.otherNode = otherNode;
        }

        @Override
        public Optional<Account> find(String userId) {
            Optional<Account> read = store.accounts().find(userId);
            if (reads.incrementAndGet() <= interfereOnReads) {
                otherNode.run();
            }
            return read;
        }

        @Override
        public void save(Account account) {
            store.accounts().save(account);
        }

        @Override
        public boolean updateHealth(Account expected, Account next) {
            return store.accounts().updateHealth(expected, next);
        }

        @Override
        public List<Account> listAll() {
            return store.accounts().listAll();
        }

        @Override
        public Map<AccountHealth, Long> countByHealth() {
            return store.accounts().countByHealth();
        }
    }

    @Test
    void aFailureCountedWhileAnotherNodeRotatesTheTokenKeepsTheRotatedToken() {
        store.accounts().save(new Account("alice", FIRST, AccountHealth.OK, 0, null, T0));
        AccountStore seen = new OtherNodeBetweenReadAndWrite(1,
                () -> store.accounts().saveRefreshToken("alice", ROTATED, T0.plusSeconds(1)));
        AccountHealthRecorder recorder = new AccountHealthRecorder(seen, clock, 3, 5);

        recorder.report(new AccountSignal("alice", AccountSignal.Kind.CALL_FAILED, "503"));

        Account now = store.accounts().find("alice").orElseThrow();
        assertThat(now.encryptedRefreshToken()).as("the rotated token").isEqualTo(ROTATED);
        assertThat(now.consecutiveFailures()).isEqualTo(1);
        assertThat(now.reason()).isEqualTo("503");
    }

    @Test
    void aFailureAnotherNodeCountedMeanwhileIsNotOverwrittenButCountedOnTop() {
        store.accounts().save(new Account("alice", FIRST, AccountHealth.OK, 2, "503", T0));
        AccountHealthRecorder otherNode = new AccountHealthRecorder(store.accounts(), clock, 3, 5);
        AccountStore seen = new OtherNodeBetweenReadAndWrite(1,
                () -> otherNode.report(new AccountSignal("alice", AccountSignal.Kind.CALL_FAILED, "timeout")));
        AccountHealthRecorder recorder = new AccountHealthRecorder(seen, clock, 3, 5);

        recorder.report(new AccountSignal("alice", AccountSignal.Kind.CALL_FAILED, "503"));

        Account now = store.accounts().find("alice").orElseThrow();
        assertThat(now.consecutiveFailures()).as("both failures count").isEqualTo(4);
        assertThat(now.health()).isEqualTo(AccountHealth.DEGRADED);
        assertThat(now.encryptedRefreshToken()).isEqualTo(FIRST);
    }

    @Test
    void aHealthThatKeepsMovingIsLeftAfterAFewAttemptsWithoutWritingOverIt() {
        store.accounts().save(new Account("alice", FIRST, AccountHealth.OK, 0, null, T0));
        AtomicInteger bumps = new AtomicInteger();
        AccountStore seen = new OtherNodeBetweenReadAndWrite(Integer.MAX_VALUE, () -> {
            Account a = store.accounts().find("alice").orElseThrow();
            store.accounts().updateHealth(a, new Account("alice", null, AccountHealth.OK,
                    a.consecutiveFailures() + 1, "elsewhere " + bumps.incrementAndGet(), T0));
        });
        AccountHealthRecorder recorder = new AccountHealthRecorder(seen, clock, 100, 200);

        recorder.report(new AccountSignal("alice", AccountSignal.Kind.CALL_FAILED, "503"));

        Account now = store.accounts().find("alice").orElseThrow();
        assertThat(bumps.get()).as("read again a few times").isBetween(2, 10);
        assertThat(now.reason()).as("only the other node's writes landed").startsWith("elsewhere ");
        assertThat(now.consecutiveFailures()).isEqualTo(bumps.get());
        assertThat(now.encryptedRefreshToken()).isEqualTo(FIRST);
    }
}
