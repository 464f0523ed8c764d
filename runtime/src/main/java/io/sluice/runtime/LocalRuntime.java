package io.sluice.runtime;

import io.sluice.index.IndexTemplate;
import io.sluice.runtime.elasticsearch.ElasticsearchNode;
import io.sluice.runtime.kafka.KafkaBroker;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.topics.TopicInstaller;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Kafka broker and Elasticsearch node of one profile, started as child processes (or
 * reused when they already answer), with the topics and the index template in place. Closing it
 * stops what it started, in reverse order, and nothing else.
 */
public final class LocalRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalRuntime.class);

    private final RuntimeSettings settings;
    private volatile Map<String, String> env = Map.of();
    private final Deque<ChildProcess> started = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /** A runtime not started yet: register {@link #close()} (e.g. as a shutdown hook) before {@link #start}. */
    public LocalRuntime(RuntimeSettings settings) {
        this.settings = settings;
    }

    public static LocalRuntime start(RuntimeSettings settings, Map<String, String> env) {
        return new LocalRuntime(settings).start(env);
    }

    public LocalRuntime start(Map<String, String> env) {
        this.env = Map.copyOf(env);
        try {
            startKafka();
            startElasticsearch(env);
            new TopicInstaller(settings.kafkaBootstrap(), settings.partitions()).install();
            IndexTemplate.installAll(settings.elasticsearchUrl());
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public RuntimeSettings settings() {
        return settings;
    }

    public Iterable<ChildProcess> children() {
        return started;
    }

    /** True when this runtime started at least one process rather than reusing running ones. */
    public boolean ownsProcesses() {
        return !started.isEmpty();
    }

    /**
     * Stops the Elasticsearch node of this profile the way an operator's {@code systemctl stop} would, for tests
     * of an outage — the one this runtime started or one it reused (a test runtime shared by the modules of a
     * build); false when none ran.
     */
    public boolean stopElasticsearch() {
        for (ChildProcess child : started) {
            if (child.name().equals("elasticsearch")) {
                started.remove(child);
                child.close();
                return true;
            }
        }
        return new ElasticsearchNode(settings, env).stopRunning();
    }

    /** The Elasticsearch node's processes, whoever started it: for tests that freeze it. */
    public java.util.List<ProcessHandle> elasticsearchProcesses() {
        return new ElasticsearchNode(settings, env).processes();
    }

    /** Stops the broker and the node of a profile left running, e.g. a test runtime kept across a build's modules. */
    public static boolean stopRunning(RuntimeSettings settings, Map<String, String> env) {
        boolean elasticsearch = new ElasticsearchNode(settings, env).stopRunning();
        boolean kafka = new KafkaBroker(settings).stopRunning();
        return elasticsearch || kafka;
    }

    /** Starts the node again on the same data, after {@link #stopElasticsearch()}. */
    public void restartElasticsearch() {
        startElasticsearch(env);
    }

    private void startKafka() {
        KafkaBroker broker = new KafkaBroker(settings);
        if (broker.isReachable()) {
            log.info("reusing the Kafka broker already answering on {}", settings.kafkaBootstrap());
        } else {
            keep(broker.start());
        }
    }

    private void startElasticsearch(Map<String, String> env) {
        ElasticsearchNode node = new ElasticsearchNode(settings, env);
        if (node.isReachable()) {
            log.info("reusing the Elasticsearch already answering on {}", settings.elasticsearchUrl());
        } else {
            keep(node.start());
        }
    }

    private void keep(ChildProcess child) {
        started.push(child);
        if (closed) {
            close();
            throw new IllegalStateException("stopped during start-up");
        }
    }

    @Override
    public void close() {
        closed = true;
        for (ChildProcess child; (child = started.poll()) != null; ) {
            child.close();
        }
    }
}
