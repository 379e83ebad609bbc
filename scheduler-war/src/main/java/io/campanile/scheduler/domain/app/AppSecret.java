package io.campanile.scheduler.domain.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An app secret as stored: a random salt and the SHA-256 of salt and secret. Workers present the
 * secret on every request, so the check must be cheap; the secret is random and long enough that a
 * slow hash would add nothing. Comparison is constant-time.
 */
public record AppSecret(String salt, String hash) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static AppSecret of(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return new AppSecret(saltHex, digest(saltHex, secret));
    }

    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(
                hash.getBytes(StandardCharsets.US_ASCII),
                digest(salt, presented).getBytes(StandardCharsets.US_ASCII));
    }

    private static String digest(String salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "AppSecret[hidden]";
    }
}
