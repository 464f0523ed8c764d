package io.sluice.runtime;

import io.sluice.runtime.elasticsearch.ElasticsearchIdentities;
import io.sluice.runtime.elasticsearch.LocalElasticsearchIdentities;
import io.sluice.runtime.ingest.IngestIdentities;
import io.sluice.runtime.kafka.KafkaIdentities;
import io.sluice.runtime.kafka.LocalKafkaIdentities;

/**
 * How to reach a platform's Kafka and Elasticsearch as each of its principals, wherever they run, and what its
 * ingest service is secured with (certificate and tokens).
 */
public record Connections(KafkaIdentities kafka, ElasticsearchIdentities elasticsearch, IngestIdentities ingest) {

    public static Connections of(RuntimeSettings settings) {
        return new Connections(new LocalKafkaIdentities(settings), new LocalElasticsearchIdentities(settings),
                IngestIdentities.of(settings));
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    public String elasticsearchUrl() {
        return elasticsearch.url();
    }

    /** The same platform, its ingest secured with {@code other} (one that also answers to a --listen address). */
    public Connections withIngest(IngestIdentities other) {
        return new Connections(kafka, elasticsearch, other);
    }

    /** The same Kafka, another Elasticsearch (a test's node of its own). */
    public Connections withElasticsearch(ElasticsearchIdentities other) {
        return new Connections(kafka, other, ingest);
    }
}
