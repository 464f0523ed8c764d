package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LogQueryTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void shouldSearchMessageWordsInTheServiceSinceTheGivenTime() {
        CliArgs args = CliArgs.parse(List.of("timeout", "--since", "15m", "--service", "checkout", "--level", "error"));

        JsonNode query = Json.MAPPER.readTree(LogQuery.from(args, NOW).toJson());

        assertThat(query.path("size").asInt()).isEqualTo(50);
        JsonNode bool = query.path("query").path("bool");
        assertThat(bool.path("filter").toString()).contains("\"gte\":\"2026-11-22T09:45:00Z\"",
                "{\"term\":{\"service.name\":\"checkout\"}}", "{\"term\":{\"log.level\":\"ERROR\"}}");
        assertThat(bool.path("must").get(0).path("simple_query_string").path("query").asString()).isEqualTo("timeout");
        assertThat(query.path("sort").toString()).contains("\"@timestamp\":\"desc\"");
    }

    @Test
    void shouldApplyTheSameFiltersToOneEventForTail() {
        LogQuery query = LogQuery.from(CliArgs.parse(List.of("Gateway", "timeout", "--service", "checkout", "--level", "error")),
                NOW, "0s");

        assertThat(query.from()).isEqualTo(NOW);
        assertThat(query.matches("checkout", "ERROR", "upstream gateway: timeout after 30s")).isTrue();
        assertThat(query.matches("checkout", "ERROR", "gateway timeouts")).isFalse();
        assertThat(query.matches("checkout", "WARN", "gateway timeout")).isFalse();
        assertThat(query.matches("payments", "ERROR", "gateway timeout")).isFalse();
        assertThat(LogQuery.from(CliArgs.parse(List.of()), NOW, "0s").matches("any", null, "anything")).isTrue();
    }

    @Test
    void shouldMatchEverythingWithoutWords() {
        JsonNode query = Json.MAPPER.readTree(LogQuery.from(CliArgs.parse(List.of()), NOW).toJson());

        assertThat(query.path("query").path("bool").has("must")).isFalse();
    }

    @Test
    void shouldUnderstandDurationsAndRefuseNonsense() {
        assertThat(LogQuery.parseSince("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LogQuery.parseSince("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(LogQuery.parseSince("7d")).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> LogQuery.parseSince("yesterday")).hasMessageContaining("like 15m");
        assertThatThrownBy(() -> LogQuery.from(CliArgs.parse(List.of("--limit", "0")), NOW)).hasMessageContaining("--limit");
        assertThatThrownBy(() -> CliArgs.parse(List.of("--since"))).hasMessage("--since needs a value");
    }

    @Test
    void shouldPrintOneLinePerEventWithContinuationsIndented() {
        JsonNode source = Json.MAPPER.readTree("{\"@timestamp\":\"2026-11-22T10:00:00Z\",\"service.name\":\"pay\","
                + "\"log.level\":\"ERROR\",\"message\":\"boom\\n\\tat x.Y(Y.java:1)\"}");

        assertThat(SearchCommand.format(source)).isEqualTo(
                "2026-11-22T10:00:00Z  pay               ERROR  boom\n        \tat x.Y(Y.java:1)");
    }

    @Test
    void shouldHandFieldQueriesToElasticsearchsOwnParserAndKeepPlainWordsAsTheyWere() {
        for (String field : List.of("service.name:checkout AND http.response.status_code:>=500 AND NOT message:\"health check\"",
                "labels.region:eu*", "message:timeout", "timeout OR refused", "(user.name:alice)", "NOT log.level:INFO")) {
            LogQuery query = LogQuery.from(CliArgs.parse(List.of(field)), NOW);
            assertThat(query.isFieldQuery()).as(field).isTrue();
            JsonNode must = Json.MAPPER.readTree(query.toJson()).path("query").path("bool").path("must").get(0);
            assertThat(must.path("query_string").path("query").asString()).isEqualTo(field);
            assertThat(must.path("query_string").path("default_field").asString()).isEqualTo("message");
        }
        for (String words : List.of("timeout", "java.io.IOException: reset", "Connection refused: connect", "10.0.0.1:8080",
                "GET /api/v1/orders", "and or not")) {
            assertThat(LogQuery.from(CliArgs.parse(List.of(words)), NOW).isFieldQuery()).as(words).isFalse();
        }
    }

    @Test
    void shouldAskOnlyForAggregationsWhenNumbersAreWanted() {
        JsonNode body = Json.MAPPER.readTree(LogQuery.from(CliArgs.parse(List.of("--service", "edge")), NOW)
                .toJson(java.util.Map.of("values", java.util.Map.of("terms", java.util.Map.of("field", "log.level")))));

        assertThat(body.path("size").asInt()).isZero();
        assertThat(body.path("track_total_hits").asBoolean()).isTrue();
        assertThat(body.path("aggs").path("values").path("terms").path("field").asString()).isEqualTo("log.level");
        assertThat(body.path("query").path("bool").path("filter").toString()).contains("\"service.name\":\"edge\"");
    }

    @Test
    void shouldTakeOneKindOfAnswerAtATime() {
        assertThat(SearchCommand.answer(CliArgs.parse(List.of()), NOW, NOW)).isNull();
        assertThat(SearchCommand.answer(CliArgs.parse(List.of("--count-by", "service.name", "--top", "3")), NOW, NOW))
                .isEqualTo(new io.sluice.cli.search.TopValues("service.name", 3));
        assertThatThrownBy(() -> SearchCommand.answer(CliArgs.parse(List.of("--count-by", "a", "--stats", "b")), NOW, NOW))
                .hasMessageContaining("one of --count-by, --histogram or --stats");
        assertThatThrownBy(() -> SearchCommand.answer(CliArgs.parse(List.of("--histogram", "1s")), NOW.minus(Duration.ofDays(1)), NOW))
                .hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> SearchCommand.answer(CliArgs.parse(List.of("--count-by", "a", "--top", "x")), NOW, NOW))
                .hasMessage("--top must be a number");
    }
}
