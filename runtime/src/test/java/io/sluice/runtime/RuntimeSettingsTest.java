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
}
