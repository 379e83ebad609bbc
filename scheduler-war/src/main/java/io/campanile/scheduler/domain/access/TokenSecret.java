package io.campanile.scheduler.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of an API token: {@code cpt_} and 256 random bits in URL-safe Base64, stored as its SHA-256. A secret of
 * that much chance needs neither salt nor a slow hash (the same choice as GitHub's tokens), and its hash is the key
 * it is found by.
 */
public final class TokenSecret {

    public static final String PREFIX = "cpt_";
    private static final int LENGTH = PREFIX.length() + 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecret() {}

    public static String generate() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Whether a presented bearer can be a token secret at all (so anything else costs no database read). */
    public static boolean looksLikeOne(String presented) {
        return presented != null && presented.length() == LENGTH && presented.startsWith(PREFIX);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
