package io.sluice.ingest.guard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may send, and how much at once.
 *
 * @param required            every log request needs a valid token (the default); {@code false} only under the
 *                            {@code insecure} profile, which {@code ./sluice up --insecure} chooses out loud
 * @param tokenFile           the token file ({@code <name> <service or *> sha256:<digest>} per line), read again when it
 *                            changes; {@code SLUICE_INGEST_AUTH_TOKEN_FILE}
 * @param tokens              {@code service=token,...}: tokens bound to their service, hashed as they are read; set through
 *                            {@code SLUICE_INGEST_AUTH_TOKENS}, never in a file in git
 * @param maxInFlightRequests log requests handled at once; above it, 429 with {@code Retry-After}
 * @param maxInFlightRequestsPerToken one token's requests at once (unset: half of {@code maxInFlightRequests})
 * @param maxInFlightBytesPerToken    one token's share of the in-flight byte budget (unset: half of it)
 */
@ConfigurationProperties("sluice.ingest.auth")
public record GuardProperties(
        @DefaultValue("true") boolean required,
        String tokenFile,
        String tokens,
        @DefaultValue("256") int maxInFlightRequests,
        Integer maxInFlightRequestsPerToken,
        DataSize maxInFlightBytesPerToken) {

    int requestsPerToken() {
        return maxInFlightRequestsPerToken != null ? maxInFlightRequestsPerToken : Math.max(1, maxInFlightRequests / 2);
    }

    long bytesPerToken(long budget) {
        return maxInFlightBytesPerToken != null ? maxInFlightBytesPerToken.toBytes() : Math.max(1, budget / 2);
    }

    @Override
    public String toString() {
        return "GuardProperties[required=" + required + ", tokenFile=" + tokenFile + ", tokens="
                + (tokens == null || tokens.isBlank() ? "none" : "configured") + ", maxInFlightRequests=" + maxInFlightRequests + "]";
    }
}
