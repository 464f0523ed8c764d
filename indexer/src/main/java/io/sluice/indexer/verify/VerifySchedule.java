package io.sluice.indexer.verify;

import io.sluice.reconcile.RecordFate;
import io.sluice.reconcile.Reconciliation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the reconciliation every {@link VerifyProperties#interval()} over the last {@link VerifyProperties#window()}
 * and records what it found in {@link VerifyMeters}; a run that fails is logged and counted, the next one tries again.
 */
public final class VerifySchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VerifySchedule.class);

    /** The window from {@code from} until {@code until}, read by whichever Kafka and Elasticsearch the run is given. */
    @FunctionalInterface
    public interface Reconciliations {
        Reconciliation reconcile(Instant from, Instant until);
    }

    private final Reconciliations reconciliations;
    private final VerifyProperties properties;
    private final VerifyMeters meters;
    private final LastVerify last;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public VerifySchedule(Reconciliations reconciliations, VerifyProperties properties, VerifyMeters meters, LastVerify last, Clock clock) {
        this.reconciliations = reconciliations;
        this.properties = properties;
        this.meters = meters;
        this.last = last;
        this.clock = clock;
    }

    /** One run over the window ending {@code settle} ago. */
    void runOnce() {
        Instant started = clock.instant();
        Instant until = started.minus(properties.settle());
        try {
            Reconciliation result = reconciliations.reconcile(until.minus(properties.window()), until);
            Instant finished = clock.instant();
            meters.completed(result, Duration.between(started, finished), finished);
            last.completed(result, finished);
            if (!result.balanced()) {
                log.warn("verify: {} of {} records accepted from {} to {} are neither indexed nor dead-lettered (./sluice verify"
                        + " names them)", result.total(RecordFate.MISSING), result.accepted(), result.from(), result.until());
            }
        } catch (RuntimeException e) {
            if (timer != null && timer.isShutdown()) {
                return; // stopped mid-run: not a failure
            }
            meters.failed(Duration.between(started, clock.instant()));
            last.failed(e.toString(), clock.instant());
            log.warn("verify run failed, next in {}: {}", properties.interval(), e.toString());
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "verify");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::runOnce, properties.settle().toMillis(), properties.interval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("verify every {} over the last {} (records younger than {} wait)", properties.interval(), properties.window(),
                properties.settle());
    }

    @Override
    public void stop() {
        timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }
}
