package io.sluice.ingest.otlp;

import io.sluice.ingest.PlatformKafka;
import io.sluice.tokens.IngestAccess;
import static io.sluice.ingest.PlatformKafka.rawRecordsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.sluice.ingest.IngestIntegrationTest;
import io.sluice.model.ShippedAttributes;
import io.sluice.topics.SluiceHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IngestIntegrationTest
class OtlpLogsEndpointIT {


    @LocalServerPort
    int port;

    private HttpResponse<byte[]> export(String contentType, byte[] body) throws Exception {
        IngestAccess ingest = PlatformKafka.ingestAt(port);
        return ingest.httpClient().send(ingest.request("/v1/logs")
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }


    @Test
    void shouldAcceptARecordedOtlpJsonExport() throws Exception {
        String service = "otlp-json-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] body = new String(OtlpDecodersTest.fixture(), StandardCharsets.UTF_8).replace("OTLP_SERVICE", service)
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> response = export("application/json", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        List<ConsumerRecord<String, byte[]>> records = rawRecordsOf(service, 2);
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("card declined");
        ShippedAttributes attributes = SluiceHeaders.attributes(records.get(0).headers());
        assertThat(attributes.level()).isEqualTo("Error");
        assertThat(attributes.traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(attributes.labels()).containsEntry("http.status_code", "402");
        assertThat(SluiceHeaders.text(records.get(0).headers(), SluiceHeaders.HOST)).isEqualTo("node-7");
    }

    @Test
    void shouldAcceptProtobufAndAnswerInProtobuf() throws Exception {
        String service = "otlp-proto-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<byte[]> response = export("application/x-protobuf",
                OtlpDecodersTest.protobufRequest(service).toByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-protobuf"));
        assertThat(ExportLogsServiceResponse.parseFrom(response.body()).hasPartialSuccess()).isFalse();
        assertThat(rawRecordsOf(service, 1)).singleElement()
                .satisfies(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("disk almost full"));
    }

    @Test
    void shouldRefuseOtherContentTypes() throws Exception {
        HttpResponse<byte[]> response = export("text/plain", "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(415);
    }
}
