package io.sluice.runtime;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local runtime keeps its data and which ports it uses. Every port can be moved with an
 * environment variable ({@code SLUICE_KAFKA_PORT}, {@code SLUICE_ES_PORT}, ...), for when the
 * defaults are taken.
 */
public record RuntimeSettings(
        Profile profile,
        Path home,
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int kafkaBrokerPort,
        int elasticsearchPort,
        int elasticsearchTransportPort,
        String elasticsearchHeap,
        int partitions,
        ClusterShape shape) {

    /** A single-node platform: one broker, one node, one instance of each service. */
    public RuntimeSettings(Profile profile, Path home, Path dataDir, int kafkaPort, int kafkaControllerPort, int kafkaBrokerPort,
            int elasticsearchPort, int elasticsearchTransportPort, String elasticsearchHeap, int partitions) {
        this(profile, home, dataDir, kafkaPort, kafkaControllerPort, kafkaBrokerPort, elasticsearchPort, elasticsearchTransportPort,
                elasticsearchHeap, partitions, ClusterShape.SINGLE);
    }

    /** The same platform with {@code other}'s numbers of brokers, nodes and instances. */
    public RuntimeSettings withShape(ClusterShape other) {
        return new RuntimeSettings(profile, home, dataDir, kafkaPort, kafkaControllerPort, kafkaBrokerPort, elasticsearchPort,
                elasticsearchTransportPort, elasticsearchHeap, partitions, other);
    }

    /** The profile's platform, with the shape its data folder records (one of everything for a new folder). */
    public static RuntimeSettings of(Profile profile, Map<String, String> env) {
        RuntimeSettings settings = unshaped(profile, env);
        return settings.withShape(ClusterShape.recordedIn(settings.dataDir()).orElse(ClusterShape.SINGLE));
    }

    private static RuntimeSettings unshaped(Profile profile, Map<String, String> env) {
        Path home = SluiceHome.locate();
        return new RuntimeSettings(
                profile,
                home,
                home.resolve(".sluice").resolve(profile.folder()),
                port(env, "SLUICE_KAFKA_PORT", profile.port(9092)),
                port(env, "SLUICE_KAFKA_CONTROLLER_PORT", profile.port(9093)),
                port(env, "SLUICE_KAFKA_BROKER_PORT", profile.port(9094)),
                port(env, "SLUICE_ES_PORT", profile.port(9200)),
                port(env, "SLUICE_ES_TRANSPORT_PORT", profile.port(9300)),
                env.getOrDefault("SLUICE_ES_HEAP", "1g"),
                Integer.parseInt(env.getOrDefault("SLUICE_PARTITIONS", "3")));
    }

    /** Every broker's client listener, comma-separated. */
    public String kafkaBootstrap() {
        return kafkaNodes().stream().map(node -> "localhost:" + node.clientPort()).collect(java.util.stream.Collectors.joining(","));
    }

    /** The broker listener of every broker: brokers to each other, and the platform's administrator (topics, users, ACLs). */
    public String kafkaAdminBootstrap() {
        return kafkaNodes().stream().map(node -> "localhost:" + node.brokerPort()).collect(java.util.stream.Collectors.joining(","));
    }

    /** The Kafka nodes of this platform's shape, node 1 on the configured ports and each next one {@link ClusterShape#PORT_STEP} up. */
    public java.util.List<KafkaNode> kafkaNodes() {
        java.util.List<KafkaNode> nodes = new java.util.ArrayList<>();
        for (int id = 1; id <= shape.brokers(); id++) {
            nodes.add(new KafkaNode(id, ClusterShape.port(kafkaPort, id), ClusterShape.port(kafkaControllerPort, id),
                    ClusterShape.port(kafkaBrokerPort, id)));
        }
        return java.util.List.copyOf(nodes);
    }

    /** The Elasticsearch nodes of this platform's shape, node 1 on the configured ports and each next one {@link ClusterShape#PORT_STEP} up. */
    public java.util.List<ElasticsearchNodePorts> elasticsearchNodes() {
        java.util.List<ElasticsearchNodePorts> nodes = new java.util.ArrayList<>();
        for (int id = 1; id <= shape.elasticsearchNodes(); id++) {
            nodes.add(new ElasticsearchNodePorts(id, ClusterShape.port(elasticsearchPort, id), ClusterShape.port(elasticsearchTransportPort, id)));
        }
        return java.util.List.copyOf(nodes);
    }

    /** One Elasticsearch node's HTTP and transport ports. */
    public record ElasticsearchNodePorts(int id, int httpPort, int transportPort) {

        /** Node 1 keeps the folder and log names of a single-node platform. */
        public String name() {
            return id == 1 ? "elasticsearch" : "elasticsearch-" + id;
        }

        public String url() {
            return "https://localhost:" + httpPort;
        }
    }

    /** One Kafka node's ports: clients, the KRaft controller, brokers and the administrator. */
    public record KafkaNode(int id, int clientPort, int controllerPort, int brokerPort) {

        /** Node 1 keeps the folder and log names of a single-node platform. */
        public String name() {
            return id == 1 ? "kafka" : "kafka-" + id;
        }
    }

    public String elasticsearchUrl() {
        return "https://localhost:" + elasticsearchPort;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, got '" + value + "'");
        }
    }
}
