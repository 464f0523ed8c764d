package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} as Docker Compose itself reads it (Debian's {@code docker-compose} validates
 * offline; no engine is needed, and none exists here): valid, and the whole stack is in it.
 */
class DockerComposeFileTest {

    private static final Path COMPOSE = Path.of("/usr/bin/docker-compose");

    /** The passwords .env must hold (made-up values: config only interpolates them). */
    private static final java.util.Map<String, String> DOT_ENV = java.util.Map.of("ELASTIC_PASSWORD", "e-not-real",
            "KIBANA_PASSWORD", "k-not-real", "KAFKA_ADMIN_PASSWORD", "a-not-real");

    private static Process start(java.util.Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(args).directory(SluiceHome.locate().toFile()).redirectErrorStream(true);
        DOT_ENV.keySet().forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        return builder.start();
    }

    private static String run(String... args) throws Exception {
        Process process = start(DOT_ENV, args);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void shouldBeAValidComposeFileWithTheWholeStack() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(COMPOSE), "docker-compose is not installed (apt-get install docker-compose)");

        run(COMPOSE.toString(), "-f", "docker-compose.yml", "config", "-q");
        List<String> services = run(COMPOSE.toString(), "-f", "docker-compose.yml", "config", "--services").lines().toList();

        assertThat(services).contains("setup", "kafka", "kafka-setup", "elasticsearch", "setup-elasticsearch", "kibana", "kibana-import",
                "ingest", "stream-processor", "indexer", "alerting");
    }

    /** Secure as ./sluice up: no plaintext Kafka, Elasticsearch security on, Kibana as kibana_system, only ingest and Kibana published. */
    @Test
    void shouldBeSecureAndPublishOnlyIngestAndKibana() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(COMPOSE), "docker-compose is not installed (apt-get install docker-compose)");

        String config = run(COMPOSE.toString(), "-f", "docker-compose.yml", "config");
        tools.jackson.databind.JsonNode services = new tools.jackson.dataformat.yaml.YAMLMapper().readTree(config).path("services");

        assertThat(config).doesNotContain("PLAINTEXT").doesNotContain("http://elasticsearch");
        assertThat(services.path("elasticsearch").path("environment").path("xpack.security.enabled").asString()).isEqualTo("true");
        assertThat(services.path("elasticsearch").path("environment").path("xpack.security.http.ssl.enabled").asString()).isEqualTo("true");
        assertThat(services.path("kibana").path("environment").path("ELASTICSEARCH_USERNAME").asString()).isEqualTo("kibana_system");
        java.util.Set<String> published = new java.util.TreeSet<>();
        services.properties().forEach(service -> service.getValue().path("ports").forEach(port -> published.add(service.getKey())));
        assertThat(published).containsExactlyInAnyOrder("ingest", "kibana");
        assertThat(services.path("ingest").path("environment").path("SLUICE_INGEST_AUTH_TOKEN_FILE").asString()).isNotEmpty();
    }

    @Test
    void shouldRefuseToRunWithoutThePasswordsOfDotEnv() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(COMPOSE), "docker-compose is not installed (apt-get install docker-compose)");

        Process process = start(java.util.Map.of(), COMPOSE.toString(), "-f", "docker-compose.yml", "config", "-q");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("set ELASTIC_PASSWORD in .env");
    }

    /** The replicated variant on top: a quorum of three, a cluster of three, two of each service, replication 3/2/1. */
    @Test
    void shouldDescribeTheReplicatedVariant() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(COMPOSE), "docker-compose is not installed (apt-get install docker-compose)");

        String config = run(COMPOSE.toString(), "-f", "docker-compose.yml", "-f", "docker-compose.cluster.yml", "config");
        tools.jackson.databind.JsonNode services = new tools.jackson.dataformat.yaml.YAMLMapper().readTree(config).path("services");

        for (String kafka : List.of("kafka", "kafka-2", "kafka-3")) {
            assertThat(services.path(kafka).path("environment").path("KAFKA_VOTERS").asString()).as(kafka)
                    .isEqualTo("1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093");
        }
        for (String node : List.of("elasticsearch", "elasticsearch-2", "elasticsearch-3")) {
            assertThat(services.path(node).path("environment").path("cluster.initial_master_nodes").asString()).as(node)
                    .isEqualTo("elasticsearch,elasticsearch-2,elasticsearch-3");
            assertThat(services.path(node).path("environment").path("xpack.security.transport.ssl.enabled").asString()).isEqualTo("true");
        }
        for (String service : List.of("ingest", "stream-processor", "indexer", "alerting")) {
            assertThat(services.path(service).path("deploy").path("replicas").asInt()).as(service).isEqualTo(2);
            assertThat(services.path(service).path("environment").path("SLUICE_REPLICATION_FACTOR").asString()).isEqualTo("3");
            assertThat(services.path(service).path("environment").path("SLUICE_MIN_INSYNC_REPLICAS").asString()).isEqualTo("2");
            assertThat(services.path(service).path("environment").path("SLUICE_INDEX_REPLICAS").asString()).isEqualTo("1");
        }
        assertThat(services.path("kafka-setup").path("environment").path("SLUICE_REPLICATION_FACTOR").asString()).isEqualTo("3");
    }
}
