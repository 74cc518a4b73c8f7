package dev.shuffify.spotify.internal;

/** Gives the access token of one user. */
public interface TokenSource {

    /**
     * A valid access token (refreshed when missing or about to expire).
     *
     * @return the token; never logged
     */
    String accessToken();

    /**
     * The service rejected {@code rejected} with 401: gives a fresh token (or one that another thread already
     * refreshed).
     *
     * @param rejected the token that was rejected
     */
    void refreshAfterRejection(String rejected);
}
