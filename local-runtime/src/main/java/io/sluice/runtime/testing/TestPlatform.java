package io.sluice.runtime.testing;

import io.sluice.runtime.Connections;

/** The real Kafka and Elasticsearch that integration tests run against, however they were started. */
public interface TestPlatform extends AutoCloseable {

    Connections connections();

    default String kafkaBootstrap() {
        return connections().kafkaBootstrap();
    }

    default String elasticsearchUrl() {
        return connections().elasticsearchUrl();
    }

    @Override
    void close();
}
