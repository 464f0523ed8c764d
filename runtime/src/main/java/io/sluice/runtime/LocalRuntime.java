package io.sluice.runtime;

import io.sluice.index.IndexTemplate;
import io.sluice.replication.Replication;
import io.sluice.runtime.elasticsearch.ElasticsearchCluster;
import io.sluice.runtime.elasticsearch.ElasticsearchNode;
import io.sluice.runtime.elasticsearch.LocalElasticsearchIdentities;
import io.sluice.runtime.kafka.KafkaBroker;
import io.sluice.runtime.kafka.KafkaQuorum;
import io.sluice.runtime.kafka.LocalKafkaIdentities;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.tls.LocalCertificateAuthority;
import io.sluice.topics.TopicInstaller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
            awaitNoOutage();
            // Kafka and Elasticsearch start side by side (neither needs the other); both sign with the local CA, made first
            LocalCertificateAuthority.openOrCreate(settings.dataDir().resolve("tls"), "Sluice", Clock.systemUTC());
            CompletableFuture<Void> elasticsearchStart = CompletableFuture.runAsync(() -> startElasticsearch(this.env));
            try {
                startKafka();
            } finally {
                awaitStarted(elasticsearchStart);
            }
            // as many copies as the shape allows (SLUICE_REPLICATION_FACTOR and friends may ask for fewer, never more)
            new TopicInstaller(new LocalKafkaIdentities(settings).admin(), settings.partitions(),
                    Replication.fromEnvironment(env, settings.shape().brokers(), settings.shape().elasticsearchNodes())).install();
            LocalElasticsearchIdentities elasticsearch = new LocalElasticsearchIdentities(settings);
            IndexTemplate.installAll(elasticsearch.admin());
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
        markOutage(true);
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
        boolean elasticsearch = false;
        for (ElasticsearchNode node : ElasticsearchCluster.nodes(settings, env)) {
            elasticsearch |= node.stopRunning();
        }
        boolean kafka = false;
        for (KafkaBroker broker : KafkaQuorum.brokers(settings)) {
            kafka |= broker.stopRunning();
        }
        return elasticsearch || kafka;
    }

    /** Starts the node again on the same data, after {@link #stopElasticsearch()}. */
    public void restartElasticsearch() {
        startElasticsearch(env);
        markOutage(false);
    }

    /**
     * Says that the node is down or frozen on purpose (a test's outage), or no longer: while it is, a runtime
     * starting elsewhere on this profile (another module's tests) waits instead of taking the silent node for a
     * dead one and starting — or stopping — it.
     */
    public void markOutage(boolean on) {
        Path marker = outageMarker();
        try {
            if (on) {
                Files.createDirectories(marker.getParent());
                Files.writeString(marker, Long.toString(ProcessHandle.current().pid()));
            } else {
                Files.deleteIfExists(marker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path outageMarker() {
        return settings.dataDir().resolve("run").resolve("elasticsearch.outage");
    }

    /** Waits out an outage another process is running on this profile's node; one whose process is gone is over. */
    private void awaitNoOutage() {
        Path marker = outageMarker();
        Instant deadline = Instant.now().plus(OUTAGE_WAIT);
        try {
            while (Files.exists(marker) && Instant.now().isBefore(deadline)) {
                boolean ownerAlive = ProcessHandle.of(Long.parseLong(Files.readString(marker).trim())).map(ProcessHandle::isAlive).orElse(false);
                if (!ownerAlive) {
                    break;
                }
                log.info("Elasticsearch is down on purpose (an outage test in process {}); waiting", Files.readString(marker).trim());
                Thread.sleep(2_000);
            }
            Files.deleteIfExists(marker);
        } catch (IOException | NumberFormatException e) {
            log.warn("ignoring an unreadable outage marker {}: {}", marker, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an Elasticsearch outage to end", e);
        }
    }

    private static final java.time.Duration OUTAGE_WAIT = java.time.Duration.ofMinutes(5);

    private void startKafka() {
        if (KafkaQuorum.brokers(settings).stream().allMatch(KafkaBroker::isReachable)) {
            log.info("reusing the Kafka broker already answering on {}", settings.kafkaBootstrap());
            return;
        }
        KafkaQuorum.start(settings).forEach(this::keep);
    }

    private void startElasticsearch(Map<String, String> env) {
        if (ElasticsearchCluster.nodes(settings, env).stream().allMatch(ElasticsearchNode::isReachable)) {
            log.info("reusing the Elasticsearch already answering on {}", settings.elasticsearchUrl());
        } else {
            ElasticsearchCluster.start(settings, env).forEach(this::keep);
        }
    }

    /** Waits for a start running beside this thread, and fails as it failed. */
    private static void awaitStarted(CompletableFuture<Void> start) {
        try {
            start.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
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
