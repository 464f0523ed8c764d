package io.sluice.cli.kibana;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Imports Sluice's saved objects ({@code kibana/sluice-objects.ndjson}: data views, saved searches, the
 * overview dashboard) through Kibana's saved-objects API with {@code overwrite=true}: running it again
 * replaces the objects by their fixed ids instead of adding copies.
 */
public final class KibanaImport {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The request Kibana's {@code _import} expects: multipart with the NDJSON as {@code file}, and {@code kbn-xsrf}. */
    public static HttpRequest request(String kibanaUrl, byte[] ndjson, String authorization) {
        String boundary = "sluice-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sluice-objects.ndjson\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(ndjson);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String base = kibanaUrl.endsWith("/") ? kibanaUrl.substring(0, kibanaUrl.length() - 1) : kibanaUrl;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/saved_objects/_import?overwrite=true"))
                .timeout(Duration.ofSeconds(60))
                .header("kbn-xsrf", "sluice")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization != null && !authorization.isBlank()) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    /** @return Kibana's answer, e.g. {@code {"success":true,"successCount":6}}; throws when it is not a success */
    public String importObjects(String kibanaUrl, Path ndjson, String authorization) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(kibanaUrl, Files.readAllBytes(ndjson), authorization),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"success\":true")) {
            throw new IllegalStateException("Kibana refused the import (" + response.statusCode() + "): " + response.body());
        }
        return response.body();
    }
}
