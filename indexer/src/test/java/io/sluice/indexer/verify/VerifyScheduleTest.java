package io.sluice.indexer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.reconcile.HourTally;
import io.sluice.reconcile.RecordFate;
import io.sluice.reconcile.Reconciliation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VerifyScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:07:00Z");
    private static final Instant HOUR = Instant.parse("2026-11-30T11:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final VerifyProperties properties = new VerifyProperties(Duration.ofMinutes(10), Duration.ofHours(1),
            Duration.ofMinutes(5), "sluice-verifier", "", "");
    private final List<Instant[]> windows = new ArrayList<>();
    private final LastVerify last = new LastVerify();
    private final AtomicReference<Object> next = new AtomicReference<>();
    private final VerifySchedule schedule = new VerifySchedule((from, until) -> {
        windows.add(new Instant[] {from, until});
        if (next.get() instanceof RuntimeException failure) {
            throw failure;
        }
        return (Reconciliation) next.get();
    }, properties, new VerifyMeters(registry), last, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldPublishEachServicesRecordsByFateAndTheMissingTotal() {
        next.set(reconciliation(HourTally.of(HOUR, "checkout", Map.of(RecordFate.INDEXED, 5L, RecordFate.MISSING, 2L)),
                HourTally.of(HOUR.plusSeconds(3600), "checkout", Map.of(RecordFate.INDEXED, 1L, RecordFate.JOINED, 3L)),
                HourTally.of(HOUR, "payments", Map.of(RecordFate.DEAD_LETTERED, 4L))));

        schedule.runOnce();

        assertThat(windows).singleElement().satisfies(window -> assertThat(window)
                .containsExactly(Instant.parse("2026-11-30T11:02:00Z"), Instant.parse("2026-11-30T12:02:00Z")));
        assertThat(records("checkout", "indexed")).isEqualTo(6);
        assertThat(records("checkout", "missing")).isEqualTo(2);
        assertThat(records("checkout", "joined")).isEqualTo(3);
        assertThat(records("payments", "dead_lettered")).isEqualTo(4);
        assertThat(records("payments", "missing")).isZero();
        assertThat(registry.get(VerifyMeters.MISSING).gauge().value()).isEqualTo(2);
        assertThat(registry.get(VerifyMeters.LAST_RUN).gauge().value()).isEqualTo(NOW.getEpochSecond());
        assertThat(runs("unbalanced")).isEqualTo(1);
        assertThat(runs("balanced")).isZero();
        assertThat(registry.get(VerifyMeters.LOOKUPS).counter().count()).isEqualTo(10);
        assertThat(last.details()).containsEntry("missing", 2L).containsEntry("accepted", 15L)
                .containsEntry("problem", "verify: 2 of 15 records accepted since 2026-11-30T11:02:00Z are neither indexed nor"
                        + " dead-lettered (./sluice verify names them)");
    }

    @Test
    void shouldReplaceTheLastCountsAndDropAServiceGoneFromTheWindow() {
        next.set(reconciliation(HourTally.of(HOUR, "checkout", Map.of(RecordFate.MISSING, 2L)),
                HourTally.of(HOUR, "payments", Map.of(RecordFate.INDEXED, 4L))));
        schedule.runOnce();
        next.set(reconciliation(HourTally.of(HOUR, "checkout", Map.of(RecordFate.INDEXED, 2L))));

        schedule.runOnce();

        assertThat(records("checkout", "missing")).isZero();
        assertThat(records("checkout", "indexed")).isEqualTo(2);
        assertThat(registry.find(VerifyMeters.RECORDS).tag("service", "payments").gauges()).isEmpty();
        assertThat(registry.get(VerifyMeters.MISSING).gauge().value()).isZero();
        assertThat(runs("balanced")).isEqualTo(1);
        assertThat(last.details()).containsEntry("missing", 0L).doesNotContainKey("problem");
    }

    @Test
    void shouldCountAFailedRunAndKeepTheLastCounts() {
        assertThat(registry.get(VerifyMeters.MISSING).gauge().value()).as("before any run").isEqualTo(-1);
        next.set(reconciliation(HourTally.of(HOUR, "checkout", Map.of(RecordFate.MISSING, 1L))));
        schedule.runOnce();
        next.set(new IllegalStateException("cannot reach Elasticsearch"));

        schedule.runOnce();

        assertThat(runs("failed")).isEqualTo(1);
        assertThat(records("checkout", "missing")).isEqualTo(1);
        assertThat(registry.get(VerifyMeters.DURATION).timer().count()).isEqualTo(2);
        assertThat(last.details()).containsEntry("missing", 1L)
                .containsEntry("problem", "verify: the last run failed: java.lang.IllegalStateException: cannot reach Elasticsearch");
    }

    @Test
    void shouldSayWhenTheScheduleIsOffOrHasNotRunYet() {
        assertThat(last.details()).containsExactly(Map.entry("state", "no run yet"));
        last.off("no Kafka password for sluice-verifier (SLUICE_VERIFIER_KAFKA_PASSWORD)");
        assertThat(last.details()).containsExactly(Map.entry("state", "off: no Kafka password for sluice-verifier (SLUICE_VERIFIER_KAFKA_PASSWORD)"));
    }

    private static Reconciliation reconciliation(HourTally... hours) {
        return new Reconciliation(Instant.parse("2026-11-30T11:02:00Z"), Instant.parse("2026-11-30T12:02:00Z"), List.of(hours), 10);
    }

    private double records(String service, String fate) {
        return registry.get(VerifyMeters.RECORDS).tags("service", service, "fate", fate).gauge().value();
    }

    private double runs(String outcome) {
        return registry.get(VerifyMeters.RUNS).tag("outcome", outcome).counter().count();
    }
}
