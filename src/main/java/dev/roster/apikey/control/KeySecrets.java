package dev.roster.apikey.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key secrets: {@code rk_} and 43 base64url characters (256 random bits). The first 11 characters are the
 * visible prefix lists show; only the SHA-256 of the whole secret is stored.
 */
public final class KeySecrets {

    public static final String MARK = "rk_";
    public static final int PREFIX_LENGTH = 11;
    /** Longer input is not a key; refused before any hashing. */
    public static final int MAX_LENGTH = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String prefix(String secret) {
        return secret.substring(0, PREFIX_LENGTH);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean same(String hash, String stored) {
        return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether the text can be a key at all (cheap checks before any database work). */
    public static boolean plausible(String text) {
        return text != null && text.startsWith(MARK) && text.length() <= MAX_LENGTH && text.length() > PREFIX_LENGTH;
    }
}
