package io.sluice.index;

import io.sluice.elasticsearch.ElasticsearchAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The index templates that give Sluice's indices their explicit mappings — daily {@code logs-*}, and
 * monthly {@code sluice-alerts-*} (every alert and its delivery, for audit) and {@code sluice-dlq-*} (every
 * dead-lettered record, for search) — and their installation
 * (a PUT, idempotent) on an Elasticsearch cluster.
 */
public enum IndexTemplate {
    LOGS("sluice-logs", "/sluice/index-template.json"),
    ALERTS("sluice-alerts", "/sluice/alerts-index-template.json"),
    DEAD_LETTERS("sluice-dlq", "/sluice/dlq-index-template.json");

    private final String templateName;
    private final String resource;

    IndexTemplate(String templateName, String resource) {
        this.templateName = templateName;
        this.resource = resource;
    }

    public String templateName() {
        return templateName;
    }

    public String body() {
        try (InputStream in = IndexTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template with {@code replicas} replica shards per index (the resource says 0: one node has nowhere to put a copy). */
    public String body(int replicas) {
        tools.jackson.databind.node.ObjectNode template = (tools.jackson.databind.node.ObjectNode) io.sluice.json.Json.MAPPER.readTree(body());
        ((tools.jackson.databind.node.ObjectNode) template.path("template").path("settings")).put("number_of_replicas", replicas);
        return io.sluice.json.Json.MAPPER.writeValueAsString(template);
    }

    /** PUTs every template; throws with Elasticsearch's answer when one is refused. */
    public static void installAll(ElasticsearchAccess elasticsearch) {
        HttpClient http = elasticsearch.httpClient();
        for (IndexTemplate template : values()) {
            template.install(elasticsearch, http);
        }
    }

    /**
     * PUTs the template, then adds its mapping to the indices it already matches (fields are only ever added,
     * which Elasticsearch allows on a live index): today's index gains a new field's type at once, not tomorrow.
     * Throws with Elasticsearch's answer when either is refused.
     */
    public void install(ElasticsearchAccess elasticsearch, HttpClient http) {
        send(elasticsearch, http, "/_index_template/" + templateName, body());
        tools.jackson.databind.JsonNode template = io.sluice.json.Json.MAPPER.readTree(body());
        String pattern = template.path("index_patterns").get(0).asString();
        send(elasticsearch, http, "/" + pattern + "/_mapping?allow_no_indices=true&expand_wildcards=open",
                io.sluice.json.Json.MAPPER.writeValueAsString(template.path("template").path("mappings")));
    }

    private void send(ElasticsearchAccess elasticsearch, HttpClient http, String path, String json) {
        HttpRequest request = elasticsearch.request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("index template " + templateName + " refused by " + elasticsearch + " (" + path
                        + "): " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Elasticsearch at " + elasticsearch.url(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing the index template", e);
        }
    }
}
