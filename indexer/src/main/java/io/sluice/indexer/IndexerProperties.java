package io.sluice.indexer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the indexer retries.
 *
 * @param itemRetries how often items answered 429/5xx are resent within one batch before the whole
 *                    batch is handed back for a later retry (nothing is committed meanwhile)
 * @param retryBackoff first pause between item retries; doubles, with jitter, up to {@code maxBackoff}
 */
@ConfigurationProperties("sluice.indexer")
public record IndexerProperties(
        @DefaultValue("5") int itemRetries,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("10s") Duration maxBackoff) {
}
