package io.sluice.tokens;

import java.util.HexFormat;
import java.util.Objects;

/**
 * One line of the token file: a token's name (what limits, metrics and revocation call it), the service it is
 * bound to ({@link #UNBOUND} for a token that may send as any service) and the digest of the token.
 */
public record TokenEntry(String name, String scope, String digest) {

    public static final String UNBOUND = "*";
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public TokenEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(digest, "digest");
        if (!name.matches(NAME)) {
            throw new IllegalArgumentException("a token's name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit: '"
                    + name + "'");
        }
        if (!scope.equals(UNBOUND) && !scope.matches("[^\\s,=*]{1,200}")) {
            throw new IllegalArgumentException("a token is bound to one service name (no spaces, commas or '*') or to '*': '" + scope + "'");
        }
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a token's digest is sha256: and 64 lower-case hex digits (the token itself is never stored)");
        }
    }

    public static TokenEntry of(String name, String scope, String token) {
        return new TokenEntry(name, scope, IngestTokens.digest(token));
    }

    public boolean bound() {
        return !scope.equals(UNBOUND);
    }

    /** The digest's bytes, for a constant-time comparison. */
    public byte[] digestBytes() {
        return HexFormat.of().parseHex(digest.substring("sha256:".length()));
    }
}
