package dev.shuffify.spotify.internal;

import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.spi.AccountSignal;
import dev.shuffify.spi.AccountSignals;
import dev.shuffify.store.AccountHealthRecorder;
import dev.shuffify.store.AccountStore;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's side of a stored account: its encrypted refresh token, which the adapter stores (a login, a
 * rotation), and the {@link AccountSignal}s it reports about the account — a success, a failure for good, a write
 * refused for a missing scope, a revoked token. Health is core's: the signals go to an {@link AccountSignals}
 * (core's {@link AccountHealthRecorder}), and the adapter never writes it. Token writes take the recorder's
 * per-user lock, so a health update never loses a token rotation. Thread-safe.
 */
public final class AccountLedger {
    private static final Logger LOG = LoggerFactory.getLogger(AccountLedger.class);

    private final AccountStore store;
    private final Clock clock;
    private final AccountSignals signals;

    /**
     * Creates a ledger.
     *
     * @param store the account store (refresh tokens)
     * @param clock the clock
     * @param signals where account signals go
     */
    public AccountLedger(AccountStore store, Clock clock, AccountSignals signals) {
        this.store = store;
        this.clock = clock;
        this.signals = signals;
    }

    /**
     * Reads an account.
     *
     * @param userId the user
     * @return the account, or empty
     */
    public Optional<Account> find(String userId) {
        return store.find(userId);
    }

    /**
     * A call of the user succeeded.
     *
     * @param userId the user
     * @param write whether the call was a write
     */
    public void success(String userId, boolean write) {
        report(userId, write ? AccountSignal.Kind.WRITE_SUCCEEDED : AccountSignal.Kind.READ_SUCCEEDED, null);
    }

    /**
     * A call of the user failed for good (after retries).
     *
     * @param userId the user
     * @param reason why, without tokens
     */
    public void failure(String userId, String reason) {
        failure(userId, reason, false);
    }

    /**
     * A call of the user failed for good (after retries).
     *
     * @param userId the user
     * @param reason why, without tokens
     * @param writeScopeMissing whether a write was refused because the login lacks the write scopes
     */
    public void failure(String userId, String reason, boolean writeScopeMissing) {
        if (writeScopeMissing) {
            report(userId, AccountSignal.Kind.WRITE_SCOPE_MISSING, "(" + ServiceCaller.WRITE_SCOPES + "): " + reason);
        } else {
            report(userId, AccountSignal.Kind.CALL_FAILED, reason);
        }
    }

    /**
     * The user's refresh token was revoked.
     *
     * @param userId the user
     * @param reason why, without tokens
     */
    public void needsLogin(String userId, String reason) {
        report(userId, AccountSignal.Kind.TOKEN_REVOKED, reason);
    }

    /**
     * Stores a (new or rotated) encrypted refresh token; a fresh login is reported ({@code LOGGED_IN}), and a
     * new account starts OK.
     *
     * @param userId the user
     * @param encryptedRefreshToken the ciphertext
     * @param freshLogin whether this comes from a new login (health starts over)
     */
    public void storeRefreshToken(String userId, byte[] encryptedRefreshToken, boolean freshLogin) {
        locked(userId, () -> {
            // the token alone: a health update another node writes meanwhile is kept
            store.saveRefreshToken(userId, encryptedRefreshToken, clock.instant());
            return null;
        });
        if (freshLogin) {
            report(userId, AccountSignal.Kind.LOGGED_IN, null);
        }
    }

    private void report(String userId, AccountSignal.Kind kind, String reason) {
        try {
            signals.report(new AccountSignal(userId, kind, reason));
        } catch (RuntimeException e) {
            LOG.warn("could not report {} for the account of user {}", kind, userId, e);
        }
    }

    private void locked(String userId, Supplier<Void> write) {
        if (signals instanceof AccountHealthRecorder recorder) {
            recorder.withAccountLock(userId, write);
        } else {
            synchronized (this) {
                write.get();
            }
        }
    }
}
