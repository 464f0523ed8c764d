package io.sluice.cli.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each answer read from the response shape Elasticsearch gives (the platform tests check the numbers end to end). */
class AnswerTest {

    private static JsonNode response(String aggregations) {
        return Json.MAPPER.readTree("{\"hits\":{\"total\":{\"value\":60}},\"aggregations\":" + aggregations + "}");
    }

    @Test
    void topValuesShouldListValuesWithCountsBarsAndWhatIsLeft() {
        JsonNode response = response("{\"values\":{\"sum_other_doc_count\":5,\"buckets\":[{\"key\":200,\"doc_count\":40},"
                + "{\"key\":503,\"doc_count\":10}]},\"without\":{\"doc_count\":5}}");
        TopValues answer = new TopValues("http.response.status_code", 2);

        assertThat(answer.lines(response)).containsExactly(
                "http.response.status_code           events",
                "200                                     40  " + "█".repeat(40),
                "503                                     10  " + "█".repeat(10),
                "(other values)                           5",
                "(no http.response.status_code)           5",
                "60 matching logs");
        assertThat(answer.json(response)).containsEntry("matched", 60L).containsEntry("other", 5L).containsEntry("missing", 5L)
                .containsEntry("values", java.util.List.of(Map.of("value", "200", "count", 40L), Map.of("value", "503", "count", 10L)));
    }

    @Test
    void histogramShouldDrawOneBarPerIntervalIncludingEmptyOnes() {
        Instant from = Instant.parse("2026-11-30T10:00:00Z");
        Histogram answer = new Histogram(Duration.ofMinutes(1), from, from.plusSeconds(120));
        JsonNode response = response("{\"over_time\":{\"buckets\":[{\"key\":" + from.toEpochMilli() + ",\"doc_count\":20},"
                + "{\"key\":" + from.plusSeconds(60).toEpochMilli() + ",\"doc_count\":0},"
                + "{\"key\":" + from.plusSeconds(120).toEpochMilli() + ",\"doc_count\":40}]}}");

        assertThat(answer.lines(response)).containsExactly(
                "2026-11-30T10:00:00Z            20  " + "█".repeat(20),
                "2026-11-30T10:01:00Z             0  ",
                "2026-11-30T10:02:00Z            40  " + "█".repeat(40),
                "60 matching logs, 60s per bar");
        assertThat(answer.aggregations().toString()).contains("fixed_interval=60s", "min_doc_count=0");
        assertThat(answer.json(response)).containsEntry("interval_seconds", 60L);
    }

    @Test
    void statsShouldGiveCountMinMeanPercentilesAndMaxAndADurationForEventDuration() {
        JsonNode response = response("{\"stats\":{\"count\":60,\"min\":1000000,\"max\":5059000000,\"avg\":2529500000.5},"
                + "\"percentiles\":{\"values\":{\"50.0\":2500000000,\"95.0\":4800000000,\"99.0\":5050000000}}}");
        FieldStats answer = new FieldStats("event.duration");

        Map<String, Object> json = answer.json(response);
        assertThat(json).containsEntry("count", 60L).containsEntry("min", 1_000_000L).containsEntry("max", 5_059_000_000L)
                .containsEntry("p95", 4_800_000_000L);
        assertThat(json.get("mean").toString()).isEqualTo("2529500000.5");
        assertThat(answer.lines(response)).contains("  min            1000000  (1 ms)", "  max         5059000000  (5.059 s)");
        assertThat(new FieldStats("http.response.body.bytes").lines(response(
                "{\"stats\":{\"count\":0,\"min\":null,\"max\":null,\"avg\":null},\"percentiles\":{\"values\":{\"50.0\":null}}}")))
                .containsExactly("no value of http.response.body.bytes in 60 matching logs");
    }

    @Test
    void aRefusalShouldBeElasticsearchsDeepestReasonOnOneLine() {
        String body = "{\"error\":{\"root_cause\":[{\"type\":\"query_shard_exception\",\"reason\":\"Failed to parse query [a:(]\"}],"
                + "\"type\":\"search_phase_execution_exception\",\"reason\":\"all shards failed\",\"failed_shards\":[{\"shard\":0,"
                + "\"reason\":{\"type\":\"query_shard_exception\",\"reason\":\"Failed to parse query [a:(]\",\"caused_by\":{\"type\":"
                + "\"parse_exception\",\"reason\":\"Cannot parse 'a:(': Encountered \\\"<EOF>\\\" at line 1, column 3.\\nWas expecting one of:"
                + "\\n    <NOT> ...\"}}}]},\"status\":400}";

        assertThat(ElasticsearchRefusal.reason(body)).isEqualTo("Cannot parse 'a:(': Encountered \"<EOF>\" at line 1, column 3.");
        assertThat(ElasticsearchRefusal.reason("not json at all")).isEqualTo("not json at all");
    }

    @Test
    void aQueryThatFailsOnEveryShardItRanOnIsARefusalEvenWhenTheStatusIs200() {
        JsonNode answer = Json.MAPPER.readTree("{\"_shards\":{\"total\":237,\"successful\":223,\"skipped\":223,\"failed\":14,"
                + "\"failures\":[{\"shard\":0,\"reason\":{\"type\":\"query_shard_exception\",\"reason\":\"failed to create query:"
                + " For input string: \\\"=\\\"\",\"caused_by\":{\"type\":\"number_format_exception\",\"reason\":\"For input string\"}}}]},"
                + "\"hits\":{\"total\":{\"value\":0},\"hits\":[]}}");

        assertThat(ElasticsearchRefusal.shardFailures(answer)).contains("failed to create query: For input string: \"=\"");
        assertThat(ElasticsearchRefusal.everyShardFailed(answer)).isTrue();
        JsonNode partial = Json.MAPPER.readTree("{\"_shards\":{\"total\":10,\"successful\":9,\"skipped\":2,\"failed\":1,"
                + "\"failures\":[{\"reason\":{\"reason\":\"x\"}}]}}");
        assertThat(ElasticsearchRefusal.everyShardFailed(partial)).isFalse();
        assertThat(ElasticsearchRefusal.shardFailures(Json.MAPPER.readTree("{\"_shards\":{\"total\":3,\"failed\":0}}"))).isEmpty();
    }
}
