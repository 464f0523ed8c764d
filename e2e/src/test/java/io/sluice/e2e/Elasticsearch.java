package io.sluice.e2e;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** The few Elasticsearch reads the end-to-end checks need, over HTTPS as the platform's administrator. */
final class Elasticsearch {

    private final ElasticsearchAccess access;
    private final HttpClient http;

    Elasticsearch(ElasticsearchAccess access) {
        this.access = access;
        this.http = access.httpClient();
    }

    JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(access.request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long count(String indexPattern) {
        return get("/" + indexPattern + "/_count?ignore_unavailable=true&allow_no_indices=true").path("count").asLong(-1);
    }
}
