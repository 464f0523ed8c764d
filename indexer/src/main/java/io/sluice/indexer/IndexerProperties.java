package io.sluice.indexer;

import java.time.Duration;
import java.util.Map;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the indexer retries and what it keeps.
 *
 * @param itemRetries how often items answered 429/5xx are resent within one batch before the whole
 *                    batch is handed back for a later retry (nothing is committed meanwhile)
 * @param retryBackoff first pause between item retries; doubles, with jitter, up to {@code maxBackoff}; also the
 *                     first pause before a whole batch is retried, which doubles up to {@code batchMaxBackoff}
 * @param batchMaxBackoff longest pause between retries of a whole batch (Elasticsearch unreachable): the
 *                        partitions stay paused and polled meanwhile, so the group never rebalances
 * @param retention how many days of logs are kept (whole UTC days, today included); older daily indices are
 *                  deleted every {@code retentionCheckInterval}, and older events are dead-lettered, not indexed
 * @param serviceRetention per-service overrides of {@code retention}
 * @param deadLetterRetention how long the dead-letter index {@code sluice-dlq-*} keeps a month (the topic is the
 *                            window for re-driving; this is the window for investigating)
 * @param alertRetention how long the alert audit {@code sluice-alerts-*} keeps a month (over a year by default)
 * @param bulkMaxBytes most source bytes in one bulk request (Elasticsearch's guidance: a few MB)
 * @param bulkMaxDocuments most documents in one bulk request
 * @param maxInFlight how many bulk requests of one polled batch are sent at once
 * @param lagCheckInterval how often the lag gauge {@code sluice.consumer.lag} is read from the broker
 * @param redaction what the dead-letter index masks in the records it shows (the processor's default rules: a
 *                  record refused before the processor redacted it must not expose what the log indices hide)
 * @param indexReplicas replica shards of every daily index (the templates' {@code number_of_replicas}): 0 on one node,
 *                      1 in a cluster ({@code SLUICE_INDEX_REPLICAS})
 */
@ConfigurationProperties("sluice.indexer")
public record IndexerProperties(
        @DefaultValue("5") int itemRetries,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("30s") Duration batchMaxBackoff,
        @DefaultValue("30d") Duration retention,
        Map<String, Duration> serviceRetention,
        @DefaultValue("90d") Duration deadLetterRetention,
        @DefaultValue("400d") Duration alertRetention,
        @DefaultValue("1h") Duration retentionCheckInterval,
        @DefaultValue("5MB") DataSize bulkMaxBytes,
        @DefaultValue("5000") int bulkMaxDocuments,
        @DefaultValue("2") int maxInFlight,
        @DefaultValue("5s") Duration lagCheckInterval,
        @DefaultValue({"EMAIL", "CARD", "BEARER", "URL_PASSWORD"}) java.util.Set<io.sluice.redact.RedactionRule> redaction,
        @DefaultValue("0") int indexReplicas) {
}
