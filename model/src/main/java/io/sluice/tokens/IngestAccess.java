package io.sluice.tokens;

import io.sluice.elasticsearch.ElasticsearchAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a sender reaches the ingest service: its base URL ({@code https://host:port}), the token it sends
 * ({@code Authorization: Bearer}) and the CA certificate it trusts. The token never appears in {@link #toString()}.
 */
public record IngestAccess(String url, String token, Path trustedCertificates) {

    public IngestAccess {
        Objects.requireNonNull(url, "url");
    }

    public IngestAccess at(String otherUrl) {
        return new IngestAccess(otherUrl, token, trustedCertificates);
    }

    /** The {@code Authorization} header value, or null without a token. */
    public String authorization() {
        return token == null ? null : "Bearer " + token;
    }

    /** A request to {@code path} (with its query) carrying the token. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", authorization());
        }
        return request;
    }

    /** An HTTP client trusting the CA certificate (and nothing else) when there is one. */
    public HttpClient httpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (trustedCertificates != null) {
            builder.sslContext(ElasticsearchAccess.trusting(trustedCertificates));
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "ingest@" + url + (token == null ? " (no token)" : "");
    }
}
