package io.sluice.indexer.verify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.sluice.reconcile.HourTally;
import io.sluice.reconcile.RecordFate;
import io.sluice.reconcile.Reconciliation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the last reconciliation found, as the series an operator alerts on (Prometheus names):
 * {@code sluice_verify_records{service,fate}} — the records of the window by fate (indexed, dead_lettered, joined,
 * missing); {@code sluice_verify_missing_records} — all missing ones; {@code sluice_verify_last_run_seconds} — when
 * the last run that completed finished (epoch seconds: stale means the runs fail); {@code sluice_verify_runs_total{outcome}}
 * (balanced, unbalanced, failed), {@code sluice_verify_duration_seconds} and {@code sluice_verify_lookups_total} — the
 * records looked up in Elasticsearch, which a run does once per record unless one before it in its partition is missing.
 */
public final class VerifyMeters {

    public static final String RECORDS = "sluice.verify.records";
    public static final String MISSING = "sluice.verify.missing.records";
    public static final String LAST_RUN = "sluice.verify.last.run";
    public static final String RUNS = "sluice.verify.runs";
    public static final String DURATION = "sluice.verify.duration";
    public static final String LOOKUPS = "sluice.verify.lookups";

    private final MultiGauge records;
    private final AtomicLong missing = new AtomicLong(-1);
    private final AtomicLong lastRun = new AtomicLong(0);
    private final Counter balanced;
    private final Counter unbalanced;
    private final Counter failed;
    private final Timer duration;
    private final Counter lookups;

    public VerifyMeters(MeterRegistry registry) {
        records = MultiGauge.builder(RECORDS)
                .description("records Kafka accepted on logs.raw.v1 in the last verify window, by service and fate").register(registry);
        Gauge.builder(MISSING, missing, AtomicLong::get)
                .description("records of the last verify window neither indexed nor dead-lettered (-1 before the first run)").register(registry);
        Gauge.builder(LAST_RUN, lastRun, AtomicLong::get).baseUnit("seconds")
                .description("when the last verify run that completed finished, epoch seconds (0: none yet)").register(registry);
        balanced = runs(registry, "balanced");
        unbalanced = runs(registry, "unbalanced");
        failed = runs(registry, "failed");
        duration = Timer.builder(DURATION).description("how long a verify run took").register(registry);
        lookups = Counter.builder(LOOKUPS).description("raw records verify looked up in Elasticsearch (a settled record is not looked up again)")
                .register(registry);
    }

    private static Counter runs(MeterRegistry registry, String outcome) {
        return Counter.builder(RUNS).description("verify runs, by outcome").tag("outcome", outcome).register(registry);
    }

    /** A run that read everything: its counts replace the last ones (a service gone from the window goes from the series). */
    public void completed(Reconciliation result, Duration took, Instant finished) {
        Map<String, long[]> byService = new TreeMap<>();
        for (HourTally hour : result.hours()) {
            long[] counts = byService.computeIfAbsent(hour.service(), service -> new long[RecordFate.values().length]);
            for (RecordFate fate : RecordFate.values()) {
                counts[fate.ordinal()] += hour.count(fate);
            }
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        byService.forEach((service, counts) -> {
            for (RecordFate fate : RecordFate.values()) {
                rows.add(MultiGauge.Row.of(Tags.of("service", service, "fate", fate.name().toLowerCase(Locale.ROOT)),
                        counts[fate.ordinal()]));
            }
        });
        records.register(rows, true);
        missing.set(result.total(RecordFate.MISSING));
        lastRun.set(finished.getEpochSecond());
        (result.balanced() ? balanced : unbalanced).increment();
        duration.record(took);
        lookups.increment(result.lookedUp());
    }

    /** A run that could not finish (Kafka or Elasticsearch unreachable): the last counts stay, the run is counted. */
    public void failed(Duration took) {
        failed.increment();
        duration.record(took);
    }
}
