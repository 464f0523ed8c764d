package io.sluice.runtime;

import io.sluice.runtime.elasticsearch.ElasticsearchIdentities;
import io.sluice.runtime.elasticsearch.LocalElasticsearchIdentities;
import io.sluice.runtime.kafka.KafkaIdentities;
import io.sluice.runtime.kafka.LocalKafkaIdentities;

/** How to reach a platform's Kafka and Elasticsearch as each of its principals, wherever they run. */
public record Connections(KafkaIdentities kafka, ElasticsearchIdentities elasticsearch) {

    public static Connections of(RuntimeSettings settings) {
        return new Connections(new LocalKafkaIdentities(settings), new LocalElasticsearchIdentities(settings));
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    public String elasticsearchUrl() {
        return elasticsearch.url();
    }

    /** The same Kafka, another Elasticsearch (a test's node of its own). */
    public Connections withElasticsearch(ElasticsearchIdentities other) {
        return new Connections(kafka, other);
    }
}
