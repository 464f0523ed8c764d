package io.sluice.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How one principal reaches Elasticsearch: its URL, the {@code Authorization} header it sends (an API key,
 * or the administrator's basic credentials), and the CA certificate it trusts for HTTPS. {@link #open} is for
 * a node Sluice does not run (a test container with security off).
 *
 * <p>The credential never appears in {@link #toString()}; hand it to a child process through
 * {@link #environment()}, never on its command line.
 */
public record ElasticsearchAccess(String url, String principal, String authorization, Path trustedCertificates) {

    public ElasticsearchAccess {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(principal, "principal");
    }

    public static ElasticsearchAccess open(String url) {
        return new ElasticsearchAccess(url, "anonymous", null, null);
    }

    /** An API key as Elasticsearch returns it ({@code encoded}: base64 of {@code id:key}). */
    public static ElasticsearchAccess apiKey(String url, String principal, String encodedKey, Path trustedCertificates) {
        return new ElasticsearchAccess(url, principal, "ApiKey " + encodedKey, trustedCertificates);
    }

    public static ElasticsearchAccess basic(String url, String username, String password, Path trustedCertificates) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ElasticsearchAccess(url, username, "Basic " + token, trustedCertificates);
    }


    /** The same principal at another node of the cluster. */
    public ElasticsearchAccess at(String otherUrl) {
        return new ElasticsearchAccess(otherUrl, principal, authorization, trustedCertificates);
    }

    /** A request to {@code path} (with its query) carrying the credential. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    /** An HTTP client that trusts the CA certificate (and nothing else) when there is one. */
    public HttpClient httpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (trustedCertificates != null) {
            builder.sslContext(sslContext());
        }
        return builder.build();
    }

    /** A TLS context trusting only the CA certificate; the JDK's defaults when there is none. */
    public SSLContext sslContext() {
        return trusting(trustedCertificates);
    }

    /** A TLS context trusting only the certificates in the PEM file {@code trustedCertificates}; the JDK's defaults for null. */
    public static SSLContext trusting(Path trustedCertificates) {
        try {
            if (trustedCertificates == null) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            try (InputStream in = Files.newInputStream(trustedCertificates)) {
                int index = 0;
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    trusted.setCertificateEntry("ca-" + index++, certificate);
                }
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA certificate " + trustedCertificates, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the CA certificate " + trustedCertificates, e);
        }
    }

    /**
     * What a Sluice service reads to reach Elasticsearch as this principal: the whole {@code Authorization} header
     * (its application.yml sends it on every request) and the CA to trust.
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("SLUICE_ELASTICSEARCH_AUTHORIZATION", authorization == null ? "" : authorization);
        if (trustedCertificates != null) {
            environment.put("SLUICE_ELASTICSEARCH_CA_FILE", trustedCertificates.toString());
        }
        return environment;
    }

    @Override
    public String toString() {
        return principal + "@" + url + (authorization == null ? " (no credential)" : "");
    }
}
