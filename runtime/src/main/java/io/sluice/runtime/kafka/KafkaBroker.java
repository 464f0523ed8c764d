package io.sluice.runtime.kafka;

import io.sluice.replication.Replication;
import io.sluice.runtime.Classpaths;
import io.sluice.runtime.ClusterShape;
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
 * A real Kafka node (KRaft, broker and controller in one process) run from the {@code kafka_2.13} jars: the only
 * one of a single-node platform, or one of a quorum of {@link ClusterShape#brokers()} (each a voter, so the quorum
 * survives the loss of a minority). Its log directory is formatted once and kept across restarts. Secure from its
 * first start: TLS on every listener, SASL on every connection, an authorizer that refuses what no ACL allows, and
 * each {@link KafkaPrincipal} given its credential and ACLs once the cluster answers.
 */
public final class KafkaBroker {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final RuntimeSettings settings;
    private final RuntimeSettings.KafkaNode node;
    private final LocalKafkaIdentities identities;
    private final Path dir;

    /** Node 1: the broker of a single-node platform. */
    public KafkaBroker(RuntimeSettings settings) {
        this(settings, settings.kafkaNodes().get(0));
    }

    public KafkaBroker(RuntimeSettings settings, RuntimeSettings.KafkaNode node) {
        this.settings = settings;
        this.node = node;
        this.identities = new LocalKafkaIdentities(settings);
        this.dir = settings.dataDir().resolve(node.name());
    }

    public RuntimeSettings.KafkaNode node() {
        return node;
    }

    /** Starts the node, waits until it answers, and gives the users their credentials and ACLs: a single-node platform's start. */
    public ChildProcess start() {
        ChildProcess broker = launch();
        awaitReady(broker);
        try {
            identities.provision();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /**
     * Starts the node's process without waiting: the nodes of a quorum start together, since none answers before a
     * majority of voters runs.
     */
    public ChildProcess launch() {
        try {
            Files.createDirectories(dir);
            ProcessTree.stopStale(pidFile(), dir.toString(), Duration.ofSeconds(20));
            Path config = writeConfig();
            formatIfNew(config);
            return ChildProcess.start(node.name(), command("kafka.Kafka", config.toString()),
                    Map.of(), dir, settings.logDir().resolve(node.name() + ".log"), pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka in " + dir, e);
        }
    }

    public void awaitReady(ChildProcess broker) {
        broker.awaitReady(() -> answers(Duration.ofSeconds(2)), STARTUP, "answering on localhost:" + node.clientPort());
    }

    /** Gives every principal its credential and ACLs, once the cluster answers (any node will do). */
    public void provision() {
        identities.provision();
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
        Replication replication = Replication.forSize(settings.shape().brokers(), 1);
        String voters = settings.kafkaNodes().stream().map(voter -> voter.id() + "@localhost:" + voter.controllerPort())
                .collect(java.util.stream.Collectors.joining(","));
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + node.id(),
                "controller.quorum.voters=" + voters,
                "listeners=CLIENTS://localhost:" + node.clientPort() + ",BROKER://localhost:" + node.brokerPort()
                        + ",CONTROLLER://localhost:" + node.controllerPort(),
                "advertised.listeners=CLIENTS://localhost:" + node.clientPort() + ",BROKER://localhost:" + node.brokerPort(),
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
                // the broker's own topics (offsets, transactions) and its defaults as replicated as the platform's topics
                "default.replication.factor=" + replication.replicationFactor(),
                "min.insync.replicas=" + replication.minInsyncReplicas(),
                "unclean.leader.election.enable=false",
                "offsets.topic.replication.factor=" + replication.replicationFactor(),
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=" + replication.replicationFactor(),
                "transaction.state.log.min.isr=" + replication.minInsyncReplicas(),
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=" + replication.replicationFactor(),
                "share.coordinator.state.topic.min.isr=" + replication.minInsyncReplicas(),
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
        // one cluster id for every node, kept in node 1's folder (where a single-node platform always had it)
        Path clusterIdFile = settings.dataDir().resolve("kafka").resolve("cluster.id");
        Files.createDirectories(clusterIdFile.getParent());
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
        }
        String clusterId = Files.readString(clusterIdFile).trim();
        List<String> format = command("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString(),
                "--ignore-formatted");
        Path log = settings.logDir().resolve(node.name() + "-format.log");
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
        // this node's own broker listener: a cluster answering elsewhere does not make this node ready
        Map<String, Object> config = new java.util.HashMap<>(identities.admin().with(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200)));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + node.brokerPort());
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
