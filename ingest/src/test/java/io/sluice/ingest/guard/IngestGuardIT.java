package io.sluice.ingest.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.ingest.IngestIntegrationTest;
import io.sluice.ingest.PlatformKafka;
import io.sluice.runtime.ingest.IngestIdentities;
import io.sluice.tokens.IngestAccess;
import io.sluice.tokens.IngestTokens;
import io.sluice.tokens.TokenEntry;
import io.sluice.model.ShippedAttributes;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.testing.SluiceRuntimeExtension;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IngestIntegrationTest(properties = {
        "sluice.ingest.auth.tokens=guarded-checkout=tok-checkout-123,guarded-payments=tok-payments-456",
        "sluice.ingest.auth.max-in-flight-requests=3", "sluice.ingest.auth.max-in-flight-requests-per-token=1"})
class IngestGuardIT {


    @LocalServerPort
    int port;

    private IngestAccess ingest() {
        return PlatformKafka.ingestAt(port);
    }

    private HttpResponse<String> post(String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ingest().url() + "/api/v1/logs"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return ingest().httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRefuseRequestsWithoutAValidToken() throws Exception {
        HttpResponse<String> none = post(null, "hello");
        HttpResponse<String> wrong = post("Bearer tok-checkout-12", "hello");
        HttpResponse<String> digest = post("Bearer " + IngestTokens.digest("tok-checkout-123"), "hello");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().allValues("WWW-Authenticate")).anySatisfy(value -> assertThat(value).startsWith("Bearer"))
                .anySatisfy(value -> assertThat(value).startsWith("Basic"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(digest.statusCode()).as("the stored digest is not a credential").isEqualTo(401);
    }

    @Test
    void shouldServeOnlyHttps() throws Exception {
        String marker = UUID.randomUUID().toString();
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/logs")).header("Authorization", ingest().authorization())
                .POST(HttpRequest.BodyPublishers.ofString("plain " + marker)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("TLS");
        assertThat(TopicRecords.read(SluiceRuntimeExtension.platform().kafka(), Topics.RAW.name(),
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker), 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void shouldTakeATokenMadeWhileRunningAndRefuseItOnceRevoked() throws Exception {
        IngestIdentities identities = SluiceRuntimeExtension.platform().connections().ingest();
        String name = "guard-it-" + UUID.randomUUID().toString().substring(0, 8);
        String token = identities.create(name, "guard-made");
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(post("Bearer " + token, "made while running").statusCode()).isEqualTo(200));
        } finally {
            assertThat(identities.revoke(name)).isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(post("Bearer " + token, "after revocation").statusCode()).isEqualTo(401));
    }

    /** The same endpoint spelled differently: each must meet the guard exactly as the plain path does. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/v1/logs;x=1", "/api/v1/%6Cogs", "/api/v1/logs/", "//api/v1/logs",
            "/api/v1/./logs", "/API/v1/logs", "/_bulk;a=b", "/v1/logs;", "/loki/api/v1/push/"})
    void shouldGuardEverySpellingOfALogEndpoint(String path) throws Exception {
        String marker = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest().url() + path))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"unguarded " + marker + "\"}")).build();

        HttpResponse<String> response = ingest().httpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("%s without a token", path).isIn(400, 401);
        assertThat(TopicRecords.read(SluiceRuntimeExtension.platform().kafka(), Topics.RAW.name(),
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker), 1, Duration.ofSeconds(2)))
                .as("nothing published through %s", path).isEmpty();
    }

    @Test
    void shouldBindTheTokensServiceToEveryLine() throws Exception {
        String marker = UUID.randomUUID().toString();
        HttpResponse<String> response = post("Bearer tok-payments-456",
                "{\"service.name\":\"guarded-checkout\",\"message\":\"impersonation " + marker + "\"}\nplain " + marker);

        assertThat(response.statusCode()).isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(SluiceRuntimeExtension.platform().kafka(),
                Topics.RAW.name(), record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker), 2,
                Duration.ofSeconds(30));
        assertThat(records).extracting(ConsumerRecord::key).containsOnly("guarded-payments");
        ShippedAttributes claimed = SluiceHeaders.attributes(records.get(0).headers());
        assertThat(claimed.labels()).containsEntry("sluice_claimed_service", "guarded-checkout");
    }

    /** A sender that has sent its headers and part of its body, and then nothing: it holds its request slot. */
    private Socket slowRequest(String authorization) throws Exception {
        Socket slow = ElasticsearchAccess.trusting(ingest().trustedCertificates()).getSocketFactory().createSocket("localhost", port);
        OutputStream out = slow.getOutputStream();
        out.write(("POST /api/v1/logs HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization + "\r\n"
                + "Content-Length: 100\r\n\r\nonly part of the body").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return slow;
    }

    @Test
    void shouldAnswer429ToATokenWithAllItsRequestsInFlightWhileOthersStillGetThrough() throws Exception {
        try (Socket slow = slowRequest("Bearer tok-checkout-123")) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpResponse<String> second = post("Bearer tok-checkout-123", "second");
                assertThat(second.statusCode()).isEqualTo(429);
                assertThat(second.body()).contains("this token already has 1 requests in flight");
            });
            assertThat(post("Bearer tok-payments-456", "a quiet sender").statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(post("Bearer tok-checkout-123", "after the slow one left").statusCode()).isEqualTo(200));
    }

    @Test
    void shouldAnswer429WhileTooManyRequestsAreInFlight() throws Exception {
        try (Socket checkout = slowRequest("Bearer tok-checkout-123"); Socket payments = slowRequest("Bearer tok-payments-456");
                Socket operator = slowRequest(ingest().authorization())) {
            IngestIdentities identities = SluiceRuntimeExtension.platform().connections().ingest();
            String name = "guard-it-" + UUID.randomUUID().toString().substring(0, 8);
            String fourth = identities.create(name, TokenEntry.UNBOUND);
            try {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    HttpResponse<String> answer = post("Bearer " + fourth, "a fourth sender");
                    assertThat(answer.statusCode()).isEqualTo(429);
                    assertThat(answer.body()).contains("too many requests in flight");
                });
            } finally {
                identities.revoke(name);
            }
        }
    }
}
