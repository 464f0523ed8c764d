package io.sluice.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ElasticsearchAccessTest {

    private final ElasticsearchAccess indexer = ElasticsearchAccess.basic("https://localhost:9200", "sluice-indexer", "s3cret",
            Path.of("/data/tls/ca.crt"));

    @Test
    void everyRequestCarriesTheCredential() {
        assertThat(indexer.request("/_bulk").build().headers().firstValue("Authorization")).hasValue(
                "Basic " + Base64.getEncoder().encodeToString("sluice-indexer:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(indexer.request("/_bulk").build().uri().toString()).isEqualTo("https://localhost:9200/_bulk");
        assertThat(ElasticsearchAccess.apiKey("https://es:9200", "k", "ZW5jb2RlZA==", null).authorization())
                .isEqualTo("ApiKey ZW5jb2RlZA==");
    }

    @Test
    void theCredentialTravelsInTheEnvironmentAndNeverInTheTextOfTheAccess() {
        assertThat(indexer.toString()).isEqualTo("sluice-indexer@https://localhost:9200").doesNotContain("s3cret");
        assertThat(indexer.environment()).containsEntry("SLUICE_ELASTICSEARCH_AUTHORIZATION", indexer.authorization())
                .containsEntry("SLUICE_ELASTICSEARCH_CA_FILE", "/data/tls/ca.crt");
        assertThat(ElasticsearchAccess.open("http://es:9200").environment()).containsEntry("SLUICE_ELASTICSEARCH_AUTHORIZATION", "")
                .doesNotContainKey("SLUICE_ELASTICSEARCH_CA_FILE");
    }

    @Test
    void aMissingCaCertificateIsNamed() {
        assertThatThrownBy(() -> ElasticsearchAccess.trusting(Path.of("/nonexistent/ca.crt")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("/nonexistent/ca.crt");
    }
}
