package io.sluice.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IndexNamesTest {

    @Test
    void shouldNameDailyIndexByUtcDay() {
        assertThat(IndexNames.daily("checkout", Instant.parse("2026-11-22T23:59:59.999Z")))
                .isEqualTo("logs-checkout-2026.11.22");
        assertThat(IndexNames.daily("checkout", Instant.parse("2026-11-23T00:00:00Z")))
                .isEqualTo("logs-checkout-2026.11.23");
    }

    @Test
    void shouldReduceServiceToWhatElasticsearchAllows() {
        assertThat(IndexNames.safeService("Billing API/v2*")).isEqualTo("billing-api-v2-");
        assertThat(IndexNames.safeService("_-hidden")).isEqualTo("hidden");
        assertThat(IndexNames.safeService("")).isEqualTo("unknown");
        assertThat(IndexNames.safeService(null)).isEqualTo("unknown");
        assertThat(IndexNames.safeService("x".repeat(500))).hasSize(100);
    }

    @Test
    void templateShouldMapEveryEcsFieldExplicitly() {
        assertThat(IndexTemplate.LOGS.body()).contains("\"logs-*\"", "\"@timestamp\"",
                "\"labels\": {\"type\": \"flattened\"", "\"original\": {\"type\": \"keyword\", \"index\": false");
    }

    @Test
    void shouldReadServiceAndDayBackFromADailyIndexName() {
        assertThat(IndexNames.parse("logs-check-out-2026.11.22")).contains(
                new IndexNames.DailyIndex("logs-check-out-2026.11.22", "check-out", java.time.LocalDate.of(2026, 11, 22)));
        assertThat(IndexNames.parse(IndexNames.daily("Billing API", java.time.Instant.parse("2026-01-02T03:04:05Z"))))
                .map(IndexNames.DailyIndex::service).contains("billing-api");
        assertThat(IndexNames.parse("logs-2026.11.22")).isEmpty();
        assertThat(IndexNames.parse("logs-x-2026.13.40")).isEmpty();
        assertThat(IndexNames.parse(".kibana")).isEmpty();
    }
}
