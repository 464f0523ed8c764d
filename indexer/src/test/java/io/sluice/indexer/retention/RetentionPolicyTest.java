package io.sluice.indexer.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.index.IndexNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:30:00Z");
    private final RetentionPolicy policy = new RetentionPolicy(Duration.ofDays(3), Map.of("Audit Log", Duration.ofDays(365)));

    private boolean expired(String index) {
        return policy.isExpired(IndexNames.parse(index).orElseThrow(), NOW);
    }

    @Test
    void shouldKeepTheLastNDaysIncludingToday() {
        assertThat(expired("logs-web-2026.11.22")).isFalse();
        assertThat(expired("logs-web-2026.11.20")).isFalse();
        assertThat(expired("logs-web-2026.11.19")).isTrue();
    }

    @Test
    void shouldApplyPerServiceRetentionByIndexName() {
        assertThat(expired("logs-audit-log-2026.01.01")).isFalse();
        assertThat(expired("logs-audit-log-2025.11.21")).isTrue();
    }

    @Test
    void shouldRefuseARetentionUnderOneDay() {
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofHours(12), Map.of()))
                .hasMessageContaining("at least one day");
    }

    @Test
    void shouldDeleteAMonthlyIndexOnlyOnceItsLastDayLeftTheWindow() {
        MonthlyRetention monthly = new MonthlyRetention(Duration.ofDays(90), Duration.ofDays(400));
        // 90 days up to 2026-11-22 reach back to 2026-08-25: August still holds kept days, July does not
        assertThat(monthly.isExpired(IndexNames.parseMonthly("sluice-dlq-2026.08").orElseThrow(), NOW)).isFalse();
        assertThat(monthly.isExpired(IndexNames.parseMonthly("sluice-dlq-2026.07").orElseThrow(), NOW)).isTrue();
        // the alert audit keeps 400 days: back to 2025-10-19
        assertThat(monthly.isExpired(IndexNames.parseMonthly("sluice-alerts-2025.10").orElseThrow(), NOW)).isFalse();
        assertThat(monthly.isExpired(IndexNames.parseMonthly("sluice-alerts-2025.09").orElseThrow(), NOW)).isTrue();
        assertThat(IndexNames.parseMonthly("sluice-dlq-archive")).isEmpty();
        assertThat(IndexNames.parseMonthly("logs-web-2026.11.22")).isEmpty();
    }
}
