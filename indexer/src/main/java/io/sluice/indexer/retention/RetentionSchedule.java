package io.sluice.indexer.retention;

import io.sluice.indexer.IndexerProperties;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the retention sweep at start and then every {@code sluice.indexer.retention-check-interval}. */
@Component
class RetentionSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final RetentionSweeper sweeper;
    private final long intervalMillis;
    private ScheduledExecutorService timer;

    RetentionSchedule(RetentionSweeper sweeper, IndexerProperties properties) {
        this.sweeper = sweeper;
        this.intervalMillis = properties.retentionCheckInterval().toMillis();
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "retention"));
        timer.scheduleWithFixedDelay(this::sweep, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            sweeper.sweep();
        } catch (IOException | RuntimeException e) {
            // Elasticsearch down: the next sweep tries again; nothing is lost by waiting
            log.warn("retention sweep failed, next in {} ms: {}", intervalMillis, e.toString());
        }
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
