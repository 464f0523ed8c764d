package io.sluice.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ingest tokens: made here, and only ever stored as their digest. A token is {@code sluice_} and 32 random bytes
 * (base64url): 256 bits a guess cannot find, so a plain SHA-256 is the right store, as for GitHub's tokens — a
 * slow password hash protects low-entropy secrets and would only cost every request time. The prefix lets
 * secret scanners recognise a leaked token.
 */
public final class IngestTokens {

    public static final String PREFIX = "sluice_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private IngestTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code sha256:<hex>}: what the token file keeps. */
    public static String digest(String token) {
        return "sha256:" + HexFormat.of().formatHex(sha256(token));
    }

    /** The digest's bytes, for a constant-time comparison with {@link TokenEntry#digestBytes()}. */
    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
