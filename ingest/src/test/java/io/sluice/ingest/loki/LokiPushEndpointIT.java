package io.sluice.ingest.loki;

import io.sluice.ingest.PlatformKafka;
import io.sluice.tokens.IngestAccess;
import static io.sluice.ingest.PlatformKafka.rawRecordsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ingest.IngestIntegrationTest;
import io.sluice.model.ShippedAttributes;
import io.sluice.topics.SluiceHeaders;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IngestIntegrationTest
class LokiPushEndpointIT {


    @LocalServerPort
    int port;

    private HttpResponse<String> push(String contentType, byte[] body) throws Exception {
        IngestAccess ingest = PlatformKafka.ingestAt(port);
        // as Promtail, Alloy and Loki clients send basic_auth: any user name, the token as the password
        return ingest.httpClient().send(HttpRequest.newBuilder(URI.create(ingest.url() + "/loki/api/v1/push"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("tenant-1:" + ingest.token())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }


    @Test
    void shouldAcceptARecordedJsonPushKeepingLokisTimestampAndLabels() throws Exception {
        String service = "loki-" + UUID.randomUUID().toString().substring(0, 8);
        String body;
        try (InputStream in = getClass().getResourceAsStream("loki-push.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("LOKI_SERVICE", service);
        }

        HttpResponse<String> response = push("application/json", body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(204);
        List<ConsumerRecord<String, byte[]>> records = rawRecordsOf(service, 2);
        assertThat(records).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactly("payment gateway timeout after 30000 ms", "{\"msg\":\"retrying\",\"attempt\":2}");
        ShippedAttributes first = SluiceHeaders.attributes(records.get(0).headers());
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2026-11-22T08:15:30.123456789Z"));
        assertThat(first.level()).isEqualTo("error");
        assertThat(first.labels()).containsEntry("env", "prod").containsEntry("k8s.pod", "cart-5f6");
        assertThat(SluiceHeaders.attributes(records.get(1).headers()).traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(rawRecordsOf(service + "-edge", 1)).hasSize(1);
    }

    @Test
    void shouldAcceptTheSnappyProtobufOfPromtailAndAlloy() throws Exception {
        String service = "alloy-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] body = LokiPushDecoderTest.snappyPush("{service_name=\"" + service + "\", env=\"dev\"}", 1_795_335_330L, 0,
                "from alloy", Map.of());

        HttpResponse<String> response = push("application/x-protobuf", body);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(rawRecordsOf(service, 1)).singleElement()
                .satisfies(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("from alloy"));
    }

    @Test
    void shouldRefuseAMalformedPushWith400() throws Exception {
        HttpResponse<String> response = push("application/json", "{\"streams\":5}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"streams\" array");
    }
}
