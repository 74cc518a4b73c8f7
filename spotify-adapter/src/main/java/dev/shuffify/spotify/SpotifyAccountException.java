package dev.shuffify.spotify;

import dev.shuffify.error.PlaylistServiceException;
import java.io.Serial;

/**
 * Spotify refused a call because of the account, not the playlist: the user is not on the allow-list of a
 * development-mode application, or the user's grant lacks a scope the call needs. Never a missing playlist:
 * a raid does not skip its source as gone, and the failure counts toward the account's health (it is the same
 * for every job of the account until the application's owner or the user acts). Not transient.
 *
 * @since 0.1.0
 */
public class SpotifyAccountException extends PlaylistServiceException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Why the account was refused. */
    public enum Reason {
        /**
         * The application is in development mode and the user is not on its allow-list (the service's 403
         * "Check settings on developer.spotify.com/dashboard, the user may not be registered." or the older
         * "User not registered in the Developer Dashboard"). The application's owner must add the user under
         * User Management in the Developer Dashboard; logging in again does not help.
         */
        NOT_ON_ALLOW_LIST,
        /**
         * The user's grant lacks a scope (403 "Insufficient client scope"). The user must log in again with the
         * scope named by {@link #requiredScope()}.
         */
        MISSING_SCOPE
    }

    /** Why the account was refused. */
    private final Reason reason;
    /** The scope the refused call needs, or null. */
    private final String requiredScope;

    /**
     * Creates an exception.
     *
     * @param reason why
     * @param requiredScope the scope the call needs, for {@link Reason#MISSING_SCOPE}; may be null
     * @param message what failed and what to do; never a token
     * @param cause the underlying failure, may be null
     */
    public SpotifyAccountException(Reason reason, String requiredScope, String message, Throwable cause) {
        super(message, false, cause);
        this.reason = reason;
        this.requiredScope = requiredScope;
    }

    /**
     * Why the account was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The scope the refused call needs (e.g. {@code playlist-modify-public playlist-modify-private}).
     *
     * @return the scope, or null when not a scope refusal
     */
    public String requiredScope() {
        return requiredScope;
    }
}
