package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeSettingsTest {

    @Test
    void shouldKeepTestsAwayFromTheDevelopersPortsAndData() {
        RuntimeSettings local = RuntimeSettings.of(Profile.LOCAL, Map.of());
        RuntimeSettings test = RuntimeSettings.of(Profile.TEST, Map.of());

        assertThat(local.kafkaBootstrap()).isEqualTo("localhost:9092");
        assertThat(local.elasticsearchUrl()).isEqualTo("https://localhost:9200");
        assertThat(test.kafkaBootstrap()).isEqualTo("localhost:29092");
        assertThat(test.kafkaAdminBootstrap()).as("the broker listener: brokers and the administrator").isEqualTo("localhost:29094");
        assertThat(test.elasticsearchUrl()).isEqualTo("https://localhost:29200");
        assertThat(local.dataDir().toString()).endsWith("/.sluice/local");
        assertThat(test.dataDir().toString()).endsWith("/.sluice/test");
    }

    @Test
    void shouldTakePortsFromTheEnvironment() {
        RuntimeSettings moved = RuntimeSettings.of(Profile.LOCAL, Map.of("SLUICE_KAFKA_PORT", "19092", "SLUICE_ES_PORT", "19200"));

        assertThat(moved.kafkaBootstrap()).isEqualTo("localhost:19092");
        assertThat(moved.elasticsearchUrl()).isEqualTo("https://localhost:19200");
    }

    @Test
    void shouldRefuseAPortThatIsNoPort() {
        assertThatThrownBy(() -> RuntimeSettings.of(Profile.LOCAL, Map.of("SLUICE_ES_PORT", "ninety")))
                .hasMessage("SLUICE_ES_PORT must be a port number, got 'ninety'");
        assertThatThrownBy(() -> RuntimeSettings.of(Profile.LOCAL, Map.of("SLUICE_ES_PORT", "70000")))
                .hasMessageContaining("SLUICE_ES_PORT");
    }

    @Test
    void shouldGiveEveryNodeAndInstanceOfAClusterItsOwnPorts() {
        RuntimeSettings cluster = RuntimeSettings.of(Profile.LOCAL, Map.of()).withShape(ClusterShape.CLUSTER);

        assertThat(cluster.kafkaBootstrap()).isEqualTo("localhost:9092,localhost:9102,localhost:9112");
        assertThat(cluster.kafkaAdminBootstrap()).isEqualTo("localhost:9094,localhost:9104,localhost:9114");
        assertThat(cluster.kafkaNodes()).extracting(RuntimeSettings.KafkaNode::name).containsExactly("kafka", "kafka-2", "kafka-3");
        assertThat(cluster.kafkaNodes().get(2).controllerPort()).isEqualTo(9113);
        assertThat(cluster.elasticsearchNodes()).extracting(RuntimeSettings.ElasticsearchNodePorts::url)
                .containsExactly("https://localhost:9200", "https://localhost:9210", "https://localhost:9220");
        assertThat(cluster.elasticsearchNodes().get(1).transportPort()).isEqualTo(9310);
        assertThat(cluster.elasticsearchUrl()).as("the administrator's node").isEqualTo("https://localhost:9200");
        assertThat(io.sluice.runtime.services.Service.INGEST.port(Profile.LOCAL, 2)).isEqualTo(8180);
        assertThat(io.sluice.runtime.services.Service.ALERTING.managementPort(Profile.LOCAL, 2)).isEqualTo(18183);
        // the test platform's instance 2 actuators stay clear of its Kafka nodes (29092, 29102, ...)
        assertThat(io.sluice.runtime.services.Service.INDEXER.managementPort(Profile.TEST, 2)).isEqualTo(29182);
        assertThat(io.sluice.runtime.services.Service.INDEXER.instanceName(2)).isEqualTo("indexer-2");
        assertThatThrownBy(() -> new ClusterShape(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusterShape(3, 3, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepTheShapeAPlatformWasMadeWith(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path fresh = dir.resolve("fresh");
        assertThat(ClusterShape.recordedIn(fresh)).isEmpty();
        ClusterShape.claim(fresh, ClusterShape.CLUSTER);
        ClusterShape.claim(fresh, ClusterShape.CLUSTER);
        assertThat(ClusterShape.recordedIn(fresh)).contains(ClusterShape.CLUSTER);
        assertThatThrownBy(() -> ClusterShape.claim(fresh, ClusterShape.SINGLE)).hasMessageContaining("was made with 3 Kafka node(s)")
                .hasMessageContaining("move that folder away");

        java.nio.file.Path older = java.nio.file.Files.createDirectories(dir.resolve("older").resolve("kafka")).getParent();
        assertThat(ClusterShape.recordedIn(older)).as("made before shapes were recorded").contains(ClusterShape.SINGLE);
        assertThatThrownBy(() -> ClusterShape.claim(older, ClusterShape.CLUSTER)).isInstanceOf(IllegalStateException.class);
    }
}
