package io.sluice.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.topics.Topics;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import io.sluice.json.Json;

class LogEventJsonTest {

    private final LogEvent event = new LogEvent(Instant.parse("2026-11-22T10:15:30.123Z"), "payment failed", "ERROR",
            "checkout", "web-1", "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "ev-1",
            Instant.parse("2026-11-22T10:15:31Z"), "{\"msg\":\"payment failed\"}", Map.of("region", "eu"));

    @Test
    void shouldSerializeWithEcsFieldNames() {
        byte[] bytes = Topics.ENRICHED.valueSerde().serializer().serialize("t", event);
        JsonNode json = Json.MAPPER.readTree(bytes);

        assertThat(json.get("@timestamp").asString()).isEqualTo("2026-11-22T10:15:30.123Z");
        assertThat(json.get("log.level").asString()).isEqualTo("ERROR");
        assertThat(json.get("service.name").asString()).isEqualTo("checkout");
        assertThat(json.get("host.name").asString()).isEqualTo("web-1");
        assertThat(json.get("trace.id").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json.get("span.id").asString()).isEqualTo("00f067aa0ba902b7");
        assertThat(json.get("event.id").asString()).isEqualTo("ev-1");
        assertThat(json.get("event.ingested").asString()).isEqualTo("2026-11-22T10:15:31Z");
        assertThat(json.get("event.original").asString()).isEqualTo("{\"msg\":\"payment failed\"}");
        assertThat(json.get("labels").get("region").asString()).isEqualTo("eu");
    }

    @Test
    void shouldRoundTripThroughTheTopicSerde() {
        byte[] bytes = Topics.ENRICHED.valueSerde().serializer().serialize("t", event);
        assertThat(Topics.ENRICHED.valueSerde().deserializer().deserialize("t", bytes)).isEqualTo(event);
    }

    @Test
    void shouldLeaveOutAbsentFields() {
        LogEvent minimal = new LogEvent(Instant.EPOCH, "hi", null, "svc", null, null, null, "id", null, null, null);
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(minimal));
        assertThat(json.propertyNames()).containsExactlyInAnyOrder("@timestamp", "message", "service.name", "event.id");
    }

    @Test
    void shouldSerializeErrorDetailsWithEcsNames() {
        LogEvent failed = new LogEvent(Instant.EPOCH, "boom", "ERROR", "svc", null, null, null, "id", null, null, null,
                "java.io.IOException", "reset", "java.io.IOException: reset\n\tat a.B.c(B.java:1)", "0123456789abcdef");
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(failed));

        assertThat(json.get("error.type").asString()).isEqualTo("java.io.IOException");
        assertThat(json.get("error.message").asString()).isEqualTo("reset");
        assertThat(json.get("error.stack_trace").asString()).startsWith("java.io.IOException: reset");
        assertThat(json.get("error.fingerprint").asString()).isEqualTo("0123456789abcdef");
        assertThat(Topics.ENRICHED.valueSerde().deserializer().deserialize("t", Json.MAPPER.writeValueAsBytes(failed)))
                .isEqualTo(failed);
    }

    @Test
    void shouldRefuseAnEventWithoutIdOrService() {
        assertThatThrownBy(() -> new LogEvent(Instant.EPOCH, "m", null, "svc", null, null, null, null, null, null, null))
                .hasMessageContaining("event.id");
        assertThatThrownBy(() -> new LogEvent(Instant.EPOCH, "m", null, " ", null, null, null, "id", null, null, null))
                .hasMessageContaining("service.name");
    }
}
