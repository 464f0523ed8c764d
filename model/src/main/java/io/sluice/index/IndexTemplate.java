package io.sluice.index;

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
 * The index template that gives every {@code logs-*} index its explicit mapping, and its
 * installation (a PUT, idempotent) on an Elasticsearch cluster.
 */
public final class IndexTemplate {

    public static final String NAME = "sluice-logs";
    private static final String RESOURCE = "/sluice/index-template.json";

    private IndexTemplate() {
    }

    public static String body() {
        try (InputStream in = IndexTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PUTs the template; throws with Elasticsearch's answer when it is refused. */
    public static void install(String elasticsearchUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(trimSlash(elasticsearchUrl) + "/_index_template/" + NAME))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body()))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("index template refused by " + elasticsearchUrl + ": "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Elasticsearch at " + elasticsearchUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing the index template", e);
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
