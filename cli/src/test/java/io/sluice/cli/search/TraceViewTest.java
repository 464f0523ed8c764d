package io.sluice.cli.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TraceViewTest {

    private static JsonNode event(String at, String service, String span, String level, String message) {
        return Json.MAPPER.valueToTree(java.util.Map.of("@timestamp", at, "service.name", service, "span.id", span,
                "log.level", level, "message", message));
    }

    @Test
    void shouldListTheTraceOldestFirstWithOffsetsFromTheFirstEvent() {
        List<String> lines = TraceView.lines("req-7", List.of(
                event("2026-11-30T10:00:00Z", "edge", "a1", "INFO", "GET /pay"),
                event("2026-11-30T10:00:00.012Z", "payments", "b2", "ERROR", "card declined\n\tat Pay.charge"),
                event("2026-11-30T10:00:01.5Z", "edge", "a1", "WARN", "answered 402")), 3);

        assertThat(lines).containsExactly(
                "trace req-7: 3 events, 2 services (edge, payments), 1.500s from first to last",
                "   +0.000s  edge      a1                INFO   GET /pay",
                "   +0.012s  payments  b2                ERROR  card declined\n            \tat Pay.charge",
                "   +1.500s  edge      a1                WARN   answered 402");
    }

    @Test
    void shouldSayWhenOnlyTheFirstEventsAreShown() {
        assertThat(TraceView.lines("t", List.of(event("2026-11-30T10:00:00Z", "a", "s", "INFO", "m")), 5).get(0))
                .endsWith("; the first 1 shown (--limit)");
        assertThat(TraceView.lines("t", List.of(), 0)).isEmpty();
    }
}
