package io.sluice.runtime.kafka;

import io.sluice.runtime.Classpaths;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.process.ProcessTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) run from the
 * {@code kafka_2.13} jars. Its log directory is formatted once and kept across restarts.
 */
public final class KafkaBroker {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final RuntimeSettings settings;
    private final Path dir;

    public KafkaBroker(RuntimeSettings settings) {
        this.settings = settings;
        this.dir = settings.dataDir().resolve("kafka");
    }

    public ChildProcess start() {
        try {
            Files.createDirectories(dir);
            ProcessTree.stopStale(pidFile(), dir.toString(), Duration.ofSeconds(20));
            Path config = writeConfig();
            formatIfNew(config);
            ChildProcess broker = ChildProcess.start("kafka", command("kafka.Kafka", config.toString()),
                    Map.of(), dir, settings.logDir().resolve("kafka.log"), pidFile());
            broker.awaitReady(() -> answers(Duration.ofSeconds(2)), STARTUP,
                    "answering on " + settings.kafkaBootstrap());
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka in " + dir, e);
        }
    }

    /** Stops the broker of this profile whoever started it (its pid file names it); false when none ran. */
    public boolean stopRunning() {
        try {
            return ProcessTree.stopStale(pidFile(), dir.toString(), Duration.ofSeconds(20));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when a broker already answers on the configured port. */
    public boolean isReachable() {
        return answers(Duration.ofSeconds(3));
    }

    private Path pidFile() {
        return dir.resolve("kafka.pid");
    }

    private Path writeConfig() throws IOException {
        Path config = dir.resolve("server.properties");
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + settings.kafkaControllerPort(),
                "listeners=PLAINTEXT://localhost:" + settings.kafkaPort() + ",CONTROLLER://localhost:"
                        + settings.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://localhost:" + settings.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=" + settings.partitions(),
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "");
        Files.writeString(config, properties);
        return config;
    }

    private void formatIfNew(Path config) throws IOException {
        if (Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            return;
        }
        Path clusterIdFile = dir.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
        }
        String clusterId = Files.readString(clusterIdFile).trim();
        List<String> format = command("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString(),
                "--ignore-formatted");
        Path log = settings.logDir().resolve("kafka-format.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(format).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage failed, see " + log + ":\n"
                        + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private List<String> command(String mainClass, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(Classpaths.javaExecutable(),
                "-Xms256m", "-Xmx768m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", Classpaths.brokerClasspath(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private boolean answers(Duration timeout) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException
                | KafkaException e) {
            return false;
        }
    }
}
