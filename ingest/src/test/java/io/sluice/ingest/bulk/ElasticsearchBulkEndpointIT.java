package io.sluice.ingest.bulk;

import io.sluice.ingest.PlatformKafka;
import io.sluice.tokens.IngestAccess;
import static io.sluice.ingest.PlatformKafka.rawRecordsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ingest.IngestIntegrationTest;
import io.sluice.json.Json;
import io.sluice.topics.SluiceHeaders;
import java.io.InputStream;
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
import tools.jackson.databind.JsonNode;

@IngestIntegrationTest(properties = "sluice.ingest.max-json-depth=5")
class ElasticsearchBulkEndpointIT {


    @LocalServerPort
    int port;

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        IngestAccess ingest = PlatformKafka.ingestAt(port);
        // as Beats and Logstash send an Elasticsearch API key: ApiKey base64(id:key), the token as the key
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest.url() + path))
                .header("Authorization", "ApiKey " + java.util.Base64.getEncoder().encodeToString(("beats:" + ingest.token()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-ndjson")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return ingest.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }


    @Test
    void shouldTakeAFluentBitBulkBodyAndAnswerLikeElasticsearch() throws Exception {
        String service = "fluent-bit-" + UUID.randomUUID().toString().substring(0, 8);
        String body;
        try (InputStream in = getClass().getResourceAsStream("fluent-bit-bulk.ndjson")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        HttpResponse<String> response = send("POST", "/_bulk?service=" + service, body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Elastic-Product")).contains("Elasticsearch");
        JsonNode json = Json.MAPPER.readTree(response.body());
        assertThat(json.path("errors").asBoolean()).isFalse();
        assertThat(json.path("items")).hasSize(2);
        assertThat(json.path("items").get(0).path("create").path("status").asInt()).isEqualTo(201);
        assertThat(json.path("items").get(0).path("create").path("_index").asString()).isEqualTo("fluent-bit");
        String firstId = json.path("items").get(0).path("create").path("_id").asString();
        List<ConsumerRecord<String, byte[]>> records = rawRecordsOf(service, 2);
        assertThat(records).hasSize(2);
        assertThat(SluiceHeaders.text(records.get(0).headers(), SluiceHeaders.EVENT_ID)).isEqualTo(firstId);
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).contains("\"log\":\"2026-11-22 10:15:30.120 ERROR");
    }

    @Test
    void shouldAnswerEachItemOnItsOwn() throws Exception {
        String index = "mixed-" + UUID.randomUUID().toString().substring(0, 8) + "-2026.11.22";
        String body = """
                {"index":{"_id":"keep-me"}}
                {"message":"fine"}
                {"delete":{"_id":"x"}}
                {"create":{}}
                {"a":{"b":{"c":{"d":{"e":{"f":1}}}}}}
                """;

        HttpResponse<String> response = send("POST", "/" + index + "/_bulk", body);

        JsonNode items = Json.MAPPER.readTree(response.body()).path("items");
        assertThat(Json.MAPPER.readTree(response.body()).path("errors").asBoolean()).isTrue();
        assertThat(items.get(0).path("index").path("status").asInt()).isEqualTo(201);
        assertThat(items.get(0).path("index").path("_id").asString()).isEqualTo("keep-me");
        assertThat(items.get(1).path("delete").path("status").asInt()).isEqualTo(400);
        assertThat(items.get(1).path("delete").path("error").path("reason").asString()).contains("not delete");
        assertThat(items.get(2).path("create").path("error").path("reason").asString()).isEqualTo("JSON nested deeper than 5 levels");
        String service = index.substring(0, index.length() - "-2026.11.22".length());
        assertThat(rawRecordsOf(service, 1)).singleElement()
                .satisfies(record -> assertThat(SluiceHeaders.text(record.headers(), SluiceHeaders.EVENT_ID)).isEqualTo("keep-me"));
    }

    @Test
    void shouldRefuseAMalformedActionLineAsAWhole() throws Exception {
        HttpResponse<String> response = send("POST", "/_bulk", "{\"index\":{}}\n{\"m\":1}\n{oops\n");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).path("error").path("reason").asString())
                .contains("line 3: malformed action/metadata line");
    }

    @Test
    void shouldPassTheHandshakesShippersMakeFirst() throws Exception {
        HttpResponse<String> root = send("GET", "/", null);
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(root.body()).path("version").path("number").asString()).isEqualTo("8.19.0");
        assertThat(root.headers().firstValue("X-Elastic-Product")).contains("Elasticsearch");

        assertThat(send("GET", "/_license", null).body()).contains("\"status\":\"active\"");
        assertThat(send("HEAD", "/_index_template/logstash", null).statusCode()).isEqualTo(404);
        HttpResponse<String> put = send("PUT", "/_index_template/logstash", "{\"index_patterns\":[\"logstash-*\"]}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).contains("\"acknowledged\":true");
    }
}
