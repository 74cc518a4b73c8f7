package dev.shuffify.spotify;

import dev.shuffify.error.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts refresh tokens for storage with AES-GCM under a key supplied by the host. Each ciphertext is
 * {@code version (1 byte) | nonce (12 bytes) | ciphertext + 128-bit tag}, and is bound to its user id (the id is
 * the GCM associated data), so a ciphertext copied to another user does not decrypt either.
 *
 * <p>A wrong key or a changed ciphertext fails with a {@link TokenCipherException}, never with a garbage token.
 * {@link #toString()} never shows the key.
 *
 * <pre>{@code
 * TokenCipher cipher = TokenCipher.ofKey(Base64.getDecoder().decode(System.getenv("SHUFFIFY_TOKEN_KEY")));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TokenCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private TokenCipher(SecretKey key) {
        this.key = key;
    }

    /**
     * A cipher with a raw AES key.
     *
     * @param key 16, 24 or 32 bytes (32 recommended); copied
     * @return the cipher
     * @throws ValidationException when the key has another length
     */
    public static TokenCipher ofKey(byte[] key) {
        if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
            throw new ValidationException("tokenKey", "must be an AES key of 16, 24 or 32 bytes, was "
                    + (key == null ? "null" : key.length + " bytes"));
        }
        return new TokenCipher(new SecretKeySpec(key.clone(), "AES"));
    }

    /**
     * A cipher with an AES key.
     *
     * @param key the key; its algorithm must be AES
     * @return the cipher
     * @throws ValidationException when the key is not an AES key
     */
    public static TokenCipher ofKey(SecretKey key) {
        if (key == null || !"AES".equalsIgnoreCase(key.getAlgorithm())) {
            throw new ValidationException("tokenKey", "must be an AES key");
        }
        return new TokenCipher(key);
    }

    /**
     * A new random 256-bit key, for hosts setting up their key store.
     *
     * @return 32 random bytes
     */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /**
     * Encrypts a refresh token for a user.
     *
     * @param userId the host-side user id (bound into the ciphertext)
     * @param token the refresh token
     * @return the ciphertext
     */
    public byte[] encrypt(String userId, String token) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(userId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new TokenCipherException("could not encrypt the refresh token of user '" + userId + "' ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Decrypts a user's refresh token.
     *
     * @param userId the host-side user id it was encrypted for
     * @param ciphertext what {@link #encrypt(String, String)} returned
     * @return the refresh token
     * @throws TokenCipherException when the key is wrong, the data was changed or belongs to another user, or the
     *     format is unknown
     */
    public String decrypt(String userId, byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < 1 + NONCE_BYTES + TAG_BITS / 8 || ciphertext[0] != VERSION) {
            throw new TokenCipherException("the stored refresh token of user '" + userId + "' is not in a known "
                    + "format (expected version " + VERSION + " AES-GCM data); the user must log in again", null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(ciphertext, 1, 1 + NONCE_BYTES)));
            cipher.updateAAD(userId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(ciphertext, 1 + NONCE_BYTES, ciphertext.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TokenCipherException("the stored refresh token of user '" + userId + "' cannot be decrypted: "
                    + "the token key is not the one it was encrypted with, or the data was changed "
                    + "(AES-GCM authentication failed); check the host's token key", e);
        } catch (GeneralSecurityException e) {
            throw new TokenCipherException("the stored refresh token of user '" + userId + "' cannot be decrypted ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "TokenCipher[AES-GCM, key=<hidden>]";
    }
}
