package io.sluice.testing;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.kafka.KafkaAccess;
import io.sluice.runtime.Connections;
import io.sluice.runtime.elasticsearch.ElasticsearchPrincipal;
import io.sluice.runtime.kafka.KafkaPrincipal;

/** The real Kafka and Elasticsearch that integration tests run against, however they were started. */
public interface TestPlatform extends AutoCloseable {

    Connections connections();

    /** The platform's administrator (a Kafka super user): what a test reads and writes with to set its scene and check the result. */
    default KafkaAccess kafka() {
        return connections().kafka().admin();
    }

    /** A Sluice principal with its own rights only: for tests of what it may and may not do. */
    default KafkaAccess kafkaAs(KafkaPrincipal principal) {
        return connections().kafka().as(principal);
    }

    default String elasticsearchUrl() {
        return connections().elasticsearchUrl();
    }

    /** Elasticsearch as its administrator: what a test reads and writes with to set its scene and check the result. */
    default ElasticsearchAccess elasticsearch() {
        return connections().elasticsearch().admin();
    }

    /** A Sluice principal's own API key, with its grants only: for tests of what it may and may not do. */
    default ElasticsearchAccess elasticsearchAs(ElasticsearchPrincipal principal) {
        return connections().elasticsearch().as(principal);
    }

    /**
     * The Elasticsearch server's processes (the launcher and the server JVM), for tests that freeze
     * or stop it; empty where the platform does not own them (a reused node, a container).
     */
    default java.util.List<ProcessHandle> elasticsearchProcesses() {
        return java.util.List.of();
    }

    /**
     * Stops the Elasticsearch node, for outage tests; false where the platform does not own it.
     * {@link #startElasticsearch()} brings it back on the same data.
     */
    default boolean stopElasticsearch() {
        return false;
    }

    default void startElasticsearch() {
        throw new UnsupportedOperationException("this platform cannot start Elasticsearch again");
    }

    /**
     * Freezes the Elasticsearch server ({@code SIGSTOP}): it keeps its sockets and answers nothing; false where the
     * platform cannot. {@link #thawElasticsearch()} lets it go on.
     */
    default boolean freezeElasticsearch() {
        return false;
    }

    default void thawElasticsearch() {
        throw new UnsupportedOperationException("this platform cannot freeze Elasticsearch");
    }

    @Override
    void close();
}
