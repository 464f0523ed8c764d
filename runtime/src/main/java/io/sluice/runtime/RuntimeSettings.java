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
        int partitions) {

    public static RuntimeSettings of(Profile profile, Map<String, String> env) {
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

    public String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    /** The broker listener: brokers to each other, and the platform's administrator (topics, users, ACLs). */
    public String kafkaAdminBootstrap() {
        return "localhost:" + kafkaBrokerPort;
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
