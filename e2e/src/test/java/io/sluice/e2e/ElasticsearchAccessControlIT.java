package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.runtime.elasticsearch.ElasticsearchPrincipal;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the test platform's Elasticsearch refuses (the node {@code ./sluice up} runs, configured the same way):
 * plain HTTP, a request without credentials, and each key beyond its role descriptor. Every refusal is paired
 * with what the same key may do, so a node that refused everything would fail too.
 */
@SluiceIntegrationTest
class ElasticsearchAccessControlIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private ElasticsearchAccess admin;
    private String logIndex;
    private String auditIndex;

    @BeforeEach
    void indices(TestPlatform platform) throws Exception {
        admin = platform.elasticsearch();
        logIndex = "logs-acl-" + run + "-" + LocalDate.now(ZoneOffset.UTC).toString().replace('-', '.');
        auditIndex = "sluice-alerts-acl-" + run; // not a month's name: no retention sweep takes it meanwhile
        assertThat(Elasticsearch.status(admin, "PUT", "/" + logIndex + "/_doc/seed?refresh=true", "{\"message\":\"seed\"}")).isEqualTo(201);
        assertThat(Elasticsearch.status(admin, "PUT", "/" + auditIndex, null)).isEqualTo(200);
    }

    @AfterEach
    void removeIndices() throws Exception {
        Elasticsearch.status(admin, "DELETE", "/" + logIndex + "," + auditIndex + "?ignore_unavailable=true", null);
    }

    @Test
    void plainHttpAndAMissingCredentialAreRefused(TestPlatform platform) throws Exception {
        ElasticsearchAccess anonymous = new ElasticsearchAccess(admin.url(), "anonymous", null, admin.trustedCertificates());
        assertThat(Elasticsearch.status(anonymous, "GET", "/_cluster/health", null)).isEqualTo(401);
        URI plain = URI.create(admin.url().replace("https://", "http://") + "/_cluster/health");
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain).GET().build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void theIndexersKeyWritesDocumentsItCannotReadAndCannotDeleteTheAlertAudit(TestPlatform platform) throws Exception {
        ElasticsearchAccess indexer = platform.elasticsearchAs(ElasticsearchPrincipal.INDEXER);
        assertThat(Elasticsearch.status(indexer, "PUT", "/" + logIndex + "/_create/by-indexer", "{\"message\":\"written\"}")).isEqualTo(201);
        assertThat(Elasticsearch.status(indexer, "PUT", "/" + logIndex + "/_doc/by-indexer", "{\"message\":\"overwritten\"}"))
                .as("create only: it never overwrites").isEqualTo(403);
        assertThat(Elasticsearch.status(indexer, "GET", "/" + logIndex + "/_doc/seed", null)).isEqualTo(403);
        assertThat(Elasticsearch.status(indexer, "POST", "/" + logIndex + "/_search", "{}")).isEqualTo(403);
        assertThat(Elasticsearch.status(indexer, "DELETE", "/" + auditIndex, null)).isEqualTo(403);
        assertThat(Elasticsearch.status(indexer, "PUT", "/other-" + run, null)).as("no index outside its names").isEqualTo(403);
    }

    @Test
    void theAuditRetentionKeyDeletesAlertAuditMonthsAndNothingElse(TestPlatform platform) throws Exception {
        ElasticsearchAccess retention = platform.elasticsearchAs(ElasticsearchPrincipal.AUDIT_RETENTION);
        assertThat(Elasticsearch.status(retention, "DELETE", "/" + logIndex, null)).isEqualTo(403);
        assertThat(Elasticsearch.status(retention, "PUT", "/" + auditIndex + "/_create/x", "{\"message\":\"x\"}")).isEqualTo(403);
        assertThat(Elasticsearch.status(retention, "DELETE", "/" + auditIndex, null)).isEqualTo(200);
    }

    @Test
    void theVerifierSearchesLogIndicesOnly(TestPlatform platform) throws Exception {
        ElasticsearchAccess verifier = platform.elasticsearchAs(ElasticsearchPrincipal.VERIFIER);
        assertThat(Elasticsearch.status(verifier, "POST", "/" + logIndex + "/_search", "{\"query\":{\"ids\":{\"values\":[\"seed\"]}}}"))
                .isEqualTo(200);
        assertThat(Elasticsearch.status(verifier, "POST", "/" + auditIndex + "/_search", "{}")).isEqualTo(403);
        assertThat(Elasticsearch.status(verifier, "PUT", "/" + logIndex + "/_create/by-verifier", "{\"message\":\"x\"}")).isEqualTo(403);
        assertThat(Elasticsearch.status(verifier, "DELETE", "/" + logIndex, null)).isEqualTo(403);
        assertThat(Elasticsearch.status(verifier, "GET", "/_cluster/health", null)).as("no cluster privilege").isEqualTo(403);
    }

    @Test
    void theOperatorsKeySearchesAndCannotWrite(TestPlatform platform) throws Exception {
        ElasticsearchAccess operator = platform.elasticsearchAs(ElasticsearchPrincipal.OPERATOR);
        assertThat(Elasticsearch.status(operator, "POST", "/" + logIndex + "/_search", "{}")).isEqualTo(200);
        assertThat(Elasticsearch.status(operator, "PUT", "/" + logIndex + "/_create/by-operator", "{\"message\":\"x\"}")).isEqualTo(403);
        assertThat(Elasticsearch.status(operator, "DELETE", "/" + logIndex, null)).isEqualTo(403);
    }
}
