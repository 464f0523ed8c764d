package io.sluice.runtime;

/** How to reach a platform's Kafka and Elasticsearch, wherever they run. */
public record Connections(String kafkaBootstrap, String elasticsearchUrl) {

    public static Connections of(RuntimeSettings settings) {
        return new Connections(settings.kafkaBootstrap(), settings.elasticsearchUrl());
    }
}
