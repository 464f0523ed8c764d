package io.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaAccessTest {

    private final KafkaAccess ingest = KafkaAccess.scram("localhost:9092", "sluice-ingest", "s3cret-Pw", Path.of("/data/tls/ca.crt"));

    @Test
    void aSecuredPrincipalConnectsOverSaslSslTrustingTheLocalCa() {
        assertThat(ingest.properties()).containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/data/tls/ca.crt")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"sluice-ingest\" password=\"s3cret-Pw\";");
    }

    @Test
    void aClientsOwnSettingsCannotReplaceTheSecurityOnes() {
        Map<String, Object> properties = ingest.with(Map.of("acks", "all", "security.protocol", "PLAINTEXT"));
        assertThat(properties).containsEntry("acks", "all").containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void thePasswordTravelsInTheEnvironmentAndNeverInTheTextOfTheAccess() {
        assertThat(ingest.toString()).doesNotContain("s3cret").contains("sluice-ingest", "localhost:9092", "SASL_SSL");
        assertThat(ingest.environment()).containsEntry("SLUICE_KAFKA_PASSWORD", "s3cret-Pw")
                .containsEntry("SLUICE_KAFKA_USERNAME", "sluice-ingest")
                .containsEntry("SLUICE_KAFKA_CA_FILE", "/data/tls/ca.crt");
    }

    @Test
    void aChildProcessReadsBackTheAccessItWasHandedInItsEnvironment() {
        assertThat(KafkaAccess.fromEnvironment("localhost:9092", ingest.environment())).isEqualTo(ingest);
        KafkaAccess admin = KafkaAccess.plain("localhost:9094", "sluice-admin", "pw", Path.of("/data/tls/ca.crt"));
        assertThat(KafkaAccess.fromEnvironment("localhost:9094", admin.environment())).isEqualTo(admin);
        assertThat(KafkaAccess.fromEnvironment("kafka:9092", Map.of())).isEqualTo(KafkaAccess.plaintext("kafka:9092"));
    }

    @Test
    void aPasswordThatWouldBreakTheJaasLineIsRefused() {
        assertThatThrownBy(() -> KafkaAccess.scram("localhost:9092", "sluice-ingest", "a\"b", Path.of("ca.crt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quote");
        assertThatThrownBy(() -> KafkaAccess.scram("localhost:9092", "user name", "pw", Path.of("ca.crt")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlaintextBrokerNeedsNoCredentials() {
        KafkaAccess plain = KafkaAccess.plaintext("kafka:9092");
        assertThat(plain.properties()).containsOnlyKeys("bootstrap.servers", "security.protocol")
                .containsEntry("security.protocol", "PLAINTEXT");
        assertThat(plain.toString()).isEqualTo("kafka:9092 (PLAINTEXT)");
    }
}
