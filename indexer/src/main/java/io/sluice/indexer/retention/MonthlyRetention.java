package io.sluice.indexer.retention;

import io.sluice.index.IndexNames;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How long the monthly indices are kept: the dead-letter index {@code sluice-dlq-*} (records with their
 * reasons, kept for investigation; the topic is the window for re-driving them) and the alert audit
 * {@code sluice-alerts-*}. A month is deleted once its last day has left the window — never a month that
 * still holds a day that must be kept.
 */
public record MonthlyRetention(Duration deadLetters, Duration alerts) {

    public MonthlyRetention {
        if (deadLetters.toDays() < 1 || alerts.toDays() < 1) {
            throw new IllegalArgumentException("the retention of the dead-letter and alert indices must be at least one day");
        }
    }

    public boolean isExpired(IndexNames.MonthlyIndex index, Instant now) {
        Duration retention = index.family() == IndexNames.MonthlyIndex.Family.ALERTS ? alerts : deadLetters;
        LocalDate oldestKeptDay = now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(retention.toDays() - 1);
        return index.month().atEndOfMonth().isBefore(oldestKeptDay);
    }
}
