package io.sluice.indexer.verify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The indexer's scheduled reconciliation, {@code ./sluice verify} as metrics: every {@code interval}, the records
 * Kafka accepted on {@code logs.raw.v1} during the last {@code window} (up to {@code settle} ago: younger ones may
 * still be on their way) are accounted for, as the user {@code sluice-verifier}.
 *
 * @param interval how often (0: never); the first run waits {@code settle} after the indexer starts
 * @param window how far back the metrics reach (the hours it touches): a record found is looked up once, a missing
 *               one at every run until it is found or leaves the window, so the gauge stays up while it is missing
 * @param settle how old a record must be to count: shorter than this, a record may be on its way
 * @param kafkaUsername the reconciliation's Kafka user (reads logs.raw.v1 and logs.dlq.v1, no group)
 * @param kafkaPassword its password ({@code SLUICE_VERIFIER_KAFKA_PASSWORD}); none on a secured broker: no runs
 * @param elasticsearchAuthorization its {@code Authorization} header ({@code SLUICE_VERIFIER_ELASTICSEARCH_AUTHORIZATION},
 *                                   may read logs-* only); none where the indexer has one: no runs
 */
@ConfigurationProperties("sluice.indexer.verify")
public record VerifyProperties(
        @DefaultValue("5m") Duration interval,
        @DefaultValue("1h") Duration window,
        @DefaultValue("5m") Duration settle,
        @DefaultValue("sluice-verifier") String kafkaUsername,
        @DefaultValue("") String kafkaPassword,
        @DefaultValue("") String elasticsearchAuthorization) {

    public VerifyProperties {
        if (interval.isNegative() || window.isNegative() || window.isZero() || settle.isNegative()) {
            throw new IllegalArgumentException("sluice.indexer.verify: interval and settle are 0 or more, window more than 0");
        }
    }

    @Override
    public String toString() {
        return "VerifyProperties[interval=" + interval + ", window=" + window + ", settle=" + settle + ", kafkaUsername="
                + kafkaUsername + ", credentials " + (kafkaPassword.isBlank() ? "absent" : "present") + "]";
    }
}
