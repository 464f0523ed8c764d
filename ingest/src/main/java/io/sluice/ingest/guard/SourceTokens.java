package io.sluice.ingest.guard;

import io.sluice.tokens.IngestTokens;
import io.sluice.tokens.TokenEntry;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tokens this instance takes, as digests only ({@link TokenEntry}): from the token file, and from
 * {@code service=token} pairs in {@code SLUICE_INGEST_AUTH_TOKENS} (hashed as they are read, each named and bound
 * after its service). A presented token is hashed and compared with every digest by
 * {@link MessageDigest#isEqual}, so the answer's timing says nothing about how close a guess was.
 */
public final class SourceTokens {

    private final List<TokenEntry> entries;

    private SourceTokens(List<TokenEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static SourceTokens of(List<TokenEntry> entries) {
        return new SourceTokens(entries);
    }

    /** {@code checkout=s3cret,payments=0ther}: each token bound to its service and named after it. */
    public static List<TokenEntry> parsePairs(String spec) {
        List<TokenEntry> entries = new ArrayList<>();
        if (spec != null) {
            for (String pair : spec.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                if (equals <= 0 || equals == pair.length() - 1) {
                    throw new IllegalArgumentException("sluice.ingest.auth.tokens takes service=token pairs separated by commas");
                }
                String service = pair.substring(0, equals).strip();
                entries.add(TokenEntry.of(service, service, pair.substring(equals + 1).strip()));
            }
        }
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** The entry a presented token matches, or empty when it matches none. */
    public Optional<TokenEntry> match(String presented) {
        byte[] digest = IngestTokens.sha256(presented == null ? "" : presented);
        TokenEntry match = null;
        for (TokenEntry entry : entries) {
            if (MessageDigest.isEqual(entry.digestBytes(), digest) && match == null) {
                match = entry;
            }
        }
        return Optional.ofNullable(match);
    }

    /** Never the digests. */
    @Override
    public String toString() {
        return "SourceTokens[" + entries.size() + " configured]";
    }
}
