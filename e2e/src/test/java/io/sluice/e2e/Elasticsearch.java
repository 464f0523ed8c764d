package io.sluice.e2e;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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

    /** The status Elasticsearch answers {@code access} for a request (a JSON body, or none when {@code json} is null). */
    static int status(ElasticsearchAccess access, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = access.request(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return access.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** How many documents match a Lucene query ({@code trace.id:abc}). */
    long count(String indexPattern, String query) {
        return get("/" + indexPattern + "/_count?ignore_unavailable=true&allow_no_indices=true&q="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)).path("count").asLong(-1);
    }

    long count(String indexPattern) {
        return get("/" + indexPattern + "/_count?ignore_unavailable=true&allow_no_indices=true").path("count").asLong(-1);
    }
}
