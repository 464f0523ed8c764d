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
 * {@code kafka_2.13} jars. Its log directory is formatted once and kept across restarts. Secure from its
 * first start: TLS on every listener, SASL on every connection, an authorizer that refuses what no ACL
 * allows, and each {@link KafkaPrincipal} given its credential and ACLs once it answers.
 */
public final class KafkaBroker {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final RuntimeSettings settings;
    private final LocalKafkaIdentities identities;
    private final Path dir;

    public KafkaBroker(RuntimeSettings settings) {
        this.settings = settings;
        this.identities = new LocalKafkaIdentities(settings);
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
            try {
                identities.provision();
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
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

    /**
     * Three listeners, all TLS with the local CA's certificate: CLIENTS (SCRAM-SHA-512, every service and
     * the operator; PLAIN for the shipper user alone, see {@link #plainForShippers()}), BROKER (PLAIN, brokers to each other and the administrator) and CONTROLLER (PLAIN, the
     * KRaft quorum: SCRAM cannot serve it, its credentials live in the metadata the quorum serves). The
     * StandardAuthorizer refuses whatever no ACL allows; only {@code sluice-admin} is a super user. The file
     * holds the administrator's password, so it is owner-only, like the data folder's other secrets.
     */
    private Path writeConfig() throws IOException {
        Path config = dir.resolve("server.properties");
        String keyStore = identities.brokerKeyStore().toString();
        String adminPassword = identities.adminPassword();
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"sluice-admin\""
                + " password=\"" + adminPassword + "\" user_sluice-admin=\"" + adminPassword + "\";";
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + settings.kafkaControllerPort(),
                "listeners=CLIENTS://localhost:" + settings.kafkaPort() + ",BROKER://localhost:" + settings.kafkaBrokerPort()
                        + ",CONTROLLER://localhost:" + settings.kafkaControllerPort(),
                "advertised.listeners=CLIENTS://localhost:" + settings.kafkaPort() + ",BROKER://localhost:" + settings.kafkaBrokerPort(),
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CLIENTS:SASL_SSL,BROKER:SASL_SSL,CONTROLLER:SASL_SSL",
                "inter.broker.listener.name=BROKER",
                "sasl.mechanism.inter.broker.protocol=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.clients.sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN",
                "listener.name.clients.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "listener.name.clients.plain.sasl.jaas.config=" + plainForShippers(),
                "listener.name.broker.sasl.enabled.mechanisms=PLAIN",
                "listener.name.broker.plain.sasl.jaas.config=" + plain,
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + plain,
                "ssl.keystore.type=PEM",
                "ssl.keystore.location=" + keyStore,
                "ssl.truststore.type=PEM",
                "ssl.truststore.location=" + identities.caCertificate(),
                "ssl.endpoint.identification.algorithm=https",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=" + KafkaPrincipal.ADMIN.principal(),
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
        io.sluice.runtime.secrets.SecretStore.writeOwnerOnly(config, properties);
        return config;
    }

    /**
     * PLAIN (over TLS) on the client listener, for the shipper user only: librdkafka before 2.6.1 — Debian 12's
     * 2.0.2, so its kcat and rsyslog's omkafka — cannot complete SCRAM with a Kafka 4 broker, and shippers must
     * keep working with the clients they run. Every other user logs in with SCRAM only.
     */
    private String plainForShippers() {
        String password = identities.as(KafkaPrincipal.SHIPPER).password();
        return "org.apache.kafka.common.security.plain.PlainLoginModule required user_"
                + KafkaPrincipal.SHIPPER.username() + "=\"" + password + "\";";
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
        if (!Files.isRegularFile(identities.caCertificate())) {
            return false; // no CA yet, so no broker of this data folder has ever started
        }
        Map<String, Object> config = identities.admin().with(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
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
