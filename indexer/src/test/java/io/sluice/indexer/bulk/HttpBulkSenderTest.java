package io.sluice.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HttpBulkSenderTest {

    private static BulkDocument document(String id, String source) {
        return new BulkDocument(new Coordinates("logs.enriched.v1", 0, 1), "svc", "logs-svc-2026.11.22", id,
                source.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteACreateLineAndTheSourceLinePerDocument() throws Exception {
        byte[] body = HttpBulkSender.body(List.of(document("a", "{\"message\":\"one\"}"), document("b", "{\"message\":\"two\"}")));

        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n", -1);
        assertThat(lines).containsExactly(
                "{\"create\":{\"_index\":\"logs-svc-2026.11.22\",\"_id\":\"a\"}}", "{\"message\":\"one\"}",
                "{\"create\":{\"_index\":\"logs-svc-2026.11.22\",\"_id\":\"b\"}}", "{\"message\":\"two\"}", "");
    }

    @Test
    void shouldKeepAHostileIdInsideItsString() throws Exception {
        String hostile = "x\"}}\n{\"delete\":{\"_index\":\"logs-svc-2026.11.22\",\"_id\":\"victim";

        byte[] body = HttpBulkSender.body(List.of(document(hostile, "{}")));

        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode action = Json.MAPPER.readTree(lines[0]);
        assertThat(action.propertyNames()).containsExactly("create");
        assertThat(action.path("create").path("_id").asString()).isEqualTo(hostile);
    }
}
