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
        assertThat(IndexTemplate.body()).contains("\"logs-*\"", "\"@timestamp\"", "\"labels.*\"",
                "\"original\": {\"type\": \"keyword\", \"index\": false");
    }
}
