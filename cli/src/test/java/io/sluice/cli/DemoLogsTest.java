package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoLogsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void shouldSendTheShapesRealServicesSend() {
        Map<String, List<String>> batches = new DemoLogs(1).tick(NOW, false);

        assertThat(batches).containsOnlyKeys("checkout", "payments", "edge");
        batches.get("checkout").forEach(line -> assertThat(Json.MAPPER.readTree(line).path("trace.id").asString()).hasSize(32));
        assertThat(batches.get("payments").get(0)).startsWith("2026-11-22 10:00:00.000 INFO  [http-nio-8080-exec-");
        assertThat(batches.get("edge")).allMatch(line -> line.matches(".*\\[22/Nov/2026:10:00:00 \\+0000] \"GET .* rt=\\d\\.\\d{3}"));
        String trace = Json.MAPPER.readTree(batches.get("checkout").get(0)).path("trace.id").asString();
        assertThat(batches.get("payments").get(1)).contains("\"trace.id\":\"" + trace + "\"", "card charged");
    }

    @Test
    void aBurstShouldCarryJavaStackTracesAsOneEventEach() {
        List<String> payments = new DemoLogs(1).tick(NOW, true).get("payments");

        List<String> errors = payments.stream().filter(line -> line.startsWith("{") && line.contains("ERROR")).toList();
        assertThat(errors).hasSize(6).allSatisfy(line -> {
            String message = Json.MAPPER.readTree(line).path("message").asString();
            assertThat(message).contains("java.net.SocketTimeoutException", "\n\tat com.example.payments");
            assertThat(line).doesNotContain("\n");
        });
    }
}
