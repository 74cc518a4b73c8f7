package dev.shuffify.spotify;

import dev.shuffify.error.ShuffifyException;
import java.io.Serial;

/**
 * A stored refresh token could not be decrypted: the host's key is not the one it was encrypted with, or the
 * ciphertext was changed. Never carries the token or the key.
 *
 * @since 0.1.0
 */
public class TokenCipherException extends ShuffifyException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what failed and what to check
     * @param cause the cryptographic failure; may be null
     */
    public TokenCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
