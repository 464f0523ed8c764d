package io.sluice.indexer.replay;

import io.sluice.tokens.IngestTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks {@code Authorization: Bearer <token>} against the digest of the operator's token (the indexer never holds
 * the token itself), in constant time.
 */
final class OperatorCredential {

    private final String digest;

    OperatorCredential(String digest) {
        this.digest = digest == null || digest.isBlank() ? null : digest.strip();
    }

    boolean configured() {
        return digest != null;
    }

    boolean accepts(String authorization) {
        if (digest == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String presented = IngestTokens.digest(authorization.substring(7).strip());
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII));
    }
}
