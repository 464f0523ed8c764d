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

    @Test
    void shouldWriteTypedFieldsAsTopLevelEcsFieldsWithTheirTypes() {
        LogEvent access = event("http.response.status_code", "503", "source.ip", "2001:db8::7", "url.original", "/cart?id=7",
                "process.pid", 4711);
        JsonNode json = Json.MAPPER.readTree(Topics.ENRICHED.valueSerde().serializer().serialize("t", access));

        assertThat(json.get("http.response.status_code").isNumber()).isTrue();
        assertThat(json.get("http.response.status_code").asLong()).isEqualTo(503);
        assertThat(json.get("process.pid").asLong()).isEqualTo(4711);
        assertThat(json.get("source.ip").asString()).isEqualTo("2001:db8::7");
        assertThat(json.get("url.original").asString()).isEqualTo("/cart?id=7");
        assertThat(Topics.ENRICHED.valueSerde().deserializer().deserialize("t", Json.MAPPER.writeValueAsBytes(access)))
                .isEqualTo(access);
    }

    @Test
    void shouldKeepAValueThatDoesNotFitItsTypeAsAFlaggedLabel() {
        LogEvent odd = event("http.response.status_code", "-", "source.ip", "gateway.internal", "http.request.method", "GET");

        assertThat(odd.fields()).containsOnlyKeys("http.request.method");
        assertThat(odd.labels()).containsEntry("http_response_status_code", "-").containsEntry("source_ip", "gateway.internal")
                .containsEntry(EventLabels.UNTYPED_FIELDS, "http.response.status_code,source.ip");
    }

    @Test
    void shouldDropKeysThatAreNotSluiceFieldsWhenReading() {
        String json = "{\"@timestamp\":\"2026-11-22T10:15:30Z\",\"service.name\":\"svc\",\"event.id\":\"id\","
                + "\"@version\":\"1\",\"http.response.status_code\":200}";
        LogEvent read = Topics.ENRICHED.valueSerde().deserializer().deserialize("t", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(read.fields()).containsExactly(Map.entry("http.response.status_code", 200L));
        assertThat(read.labels()).isEmpty();
    }

    @Test
    void shouldTypeNumbersAndAddressesStrictly() {
        assertThat(FieldType.LONG.coerce("200")).isEqualTo(200L);
        assertThat(FieldType.LONG.coerce(" 42 ")).isEqualTo(42L);
        assertThat(FieldType.LONG.coerce("2.5")).isNull();
        assertThat(FieldType.LONG.coerce("99999999999999999999")).isNull();
        assertThat(FieldType.IP.coerce("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(FieldType.IP.coerce("::ffff:10.0.0.1")).isEqualTo("::ffff:10.0.0.1");
        assertThat(FieldType.IP.coerce("256.1.1.1")).isNull();
        assertThat(FieldType.IP.coerce("cafe")).isNull();
        assertThat(FieldType.IP.coerce("12:zz::1")).isNull();
        assertThat(FieldType.KEYWORD.coerce("")).isNull();
    }

    private static LogEvent event(Object... fieldsAndValues) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new LogEvent(Instant.parse("2026-11-22T10:15:30Z"), "GET /cart", "INFO", "web", null, null, null, "ev-2",
                null, null, null, null, null, null, null, fields);
    }
}
