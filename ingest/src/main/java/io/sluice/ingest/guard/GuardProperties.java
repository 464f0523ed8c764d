package io.sluice.ingest.guard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokens            {@code service=token,...}; when set, every log request needs
 *                          {@code Authorization: Bearer <token>} (or {@code ApiKey <token>}) and can only
 *                          send as that token's service. Set it through {@code SLUICE_INGEST_AUTH_TOKENS}.
 * @param maxInFlightRequests log requests handled at once; above it, 429 with {@code Retry-After}
 */
@ConfigurationProperties("sluice.ingest.auth")
public record GuardProperties(String tokens, @DefaultValue("256") int maxInFlightRequests) {

    @Override
    public String toString() {
        return "GuardProperties[tokens=" + (tokens == null || tokens.isBlank() ? "none" : "configured")
                + ", maxInFlightRequests=" + maxInFlightRequests + "]";
    }
}
