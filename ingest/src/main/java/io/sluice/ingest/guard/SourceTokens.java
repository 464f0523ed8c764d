package io.sluice.ingest.guard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per-source bearer tokens, each bound to one service: {@code checkout=s3cret,payments=0ther}
 * (from {@code SLUICE_INGEST_AUTH_TOKENS}, never from a file in git). Tokens are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, and every configured token is compared every time, so
 * the answer's timing says nothing about how close a guess was.
 */
public final class SourceTokens {

    private record Entry(String service, byte[] digest) {
    }

    private final List<Entry> entries;

    private SourceTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static SourceTokens parse(String spec) {
        List<Entry> entries = new ArrayList<>();
        if (spec != null) {
            for (String pair : spec.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                if (equals <= 0 || equals == pair.length() - 1) {
                    throw new IllegalArgumentException("sluice.ingest.auth.tokens takes service=token pairs separated by commas");
                }
                entries.add(new Entry(pair.substring(0, equals).strip(), digest(pair.substring(equals + 1).strip())));
            }
        }
        return new SourceTokens(entries);
    }

    public boolean enabled() {
        return !entries.isEmpty();
    }

    /** The service a presented token is bound to, or empty when it matches none. */
    public Optional<String> serviceOf(String presented) {
        byte[] digest = digest(presented == null ? "" : presented);
        String match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest) && match == null) {
                match = entry.service();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** Never the tokens: they are secrets. */
    @Override
    public String toString() {
        return "SourceTokens[" + entries.size() + " configured]";
    }
}
