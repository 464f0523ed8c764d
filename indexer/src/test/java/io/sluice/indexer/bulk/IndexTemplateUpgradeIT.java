package io.sluice.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.index.IndexTemplate;
import io.sluice.json.Json;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An index created before a field was typed — yesterday's template — gains the field's mapping when the
 * template is installed again (as {@code ./sluice up} does at every start), not only tomorrow's index.
 */
@SluiceIntegrationTest
class IndexTemplateUpgradeIT {

    @Test
    void shouldAddTheTemplatesNewFieldsToIndicesThatAlreadyExist(TestPlatform platform) throws Exception {
        ElasticsearchAccess elasticsearch = platform.elasticsearch();
        HttpClient http = elasticsearch.httpClient();
        String name = "upgrade-it-" + UUID.randomUUID().toString().substring(0, 8);
        String index = "logs-" + name + "-2026.11.22";
        // an older template, for this index alone: the core fields, nothing typed
        send(http, elasticsearch, "PUT", "/_index_template/" + name, """
                {"index_patterns": ["logs-%s-*"], "priority": 300,
                 "template": {"settings": {"number_of_replicas": 0},
                              "mappings": {"dynamic": false, "properties": {"message": {"type": "text"}}}}}""".formatted(name));
        send(http, elasticsearch, "PUT", "/" + index, "{}");
        send(http, elasticsearch, "DELETE", "/_index_template/" + name, null);
        assertThat(statusCodeMapping(http, elasticsearch, index).isMissingNode()).isTrue();

        IndexTemplate.LOGS.install(elasticsearch, http);

        assertThat(statusCodeMapping(http, elasticsearch, index).path("type").asString()).isEqualTo("long");
        send(http, elasticsearch, "DELETE", "/" + index, null);
    }

    private static JsonNode statusCodeMapping(HttpClient http, ElasticsearchAccess elasticsearch, String index) throws Exception {
        JsonNode mapping = Json.MAPPER.readTree(send(http, elasticsearch, "GET", "/" + index + "/_mapping", null));
        return mapping.path(index).path("mappings").path("properties").path("http").path("properties").path("response")
                .path("properties").path("status_code");
    }

    private static String send(HttpClient http, ElasticsearchAccess elasticsearch, String method, String path, String json)
            throws Exception {
        HttpRequest request = elasticsearch.request(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }
}
