package io.sluice.ingest.guard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The token a sender presents, in whichever form its client knows how to send: {@code Authorization: Bearer <token>}
 * (OTLP exporters, curl), {@code ApiKey <token>} or {@code ApiKey base64(id:<token>)} (Elasticsearch outputs: Filebeat,
 * Logstash, Vector, Fluent Bit), and Basic auth with the token as the password, any user name (Elasticsearch outputs
 * with a user and password, Loki's {@code basic_auth}).
 */
final class PresentedToken {

    private PresentedToken() {
    }

    /** What may be the token in an {@code Authorization} header, most likely first; empty without one. */
    static List<String> candidates(String authorization) {
        List<String> candidates = new ArrayList<>();
        if (authorization == null) {
            return candidates;
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0) {
            return candidates;
        }
        String scheme = header.substring(0, space);
        String credential = header.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            candidates.add(credential);
        } else if (scheme.equalsIgnoreCase("ApiKey")) {
            candidates.add(credential);
            afterColon(decoded(credential)).ifPresent(candidates::add);
        } else if (scheme.equalsIgnoreCase("Basic")) {
            afterColon(decoded(credential)).ifPresent(candidates::add);
        }
        return candidates;
    }

    private static String decoded(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    private static java.util.Optional<String> afterColon(String pair) {
        int colon = pair.indexOf(':');
        return colon < 0 || colon == pair.length() - 1 ? java.util.Optional.empty() : java.util.Optional.of(pair.substring(colon + 1));
    }
}
