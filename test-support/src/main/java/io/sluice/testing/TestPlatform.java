package io.sluice.testing;

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
