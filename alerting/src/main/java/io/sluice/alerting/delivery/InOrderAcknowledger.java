package io.sluice.alerting.delivery;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges batches in the order they were read, each once it has finished: Kafka keeps one offset
 * per partition, so committing a later batch would also commit an earlier one still under way. A batch
 * that finished early waits for the ones before it; nothing is held back longer than the slowest
 * alert's delivery time. An acknowledgement that fails is logged and never stops the ones after it
 * (the batch is then read again after a restart: at most one more post).
 */
final class InOrderAcknowledger {

    private static final Logger log = LoggerFactory.getLogger(InOrderAcknowledger.class);

    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    /** Runs {@code acknowledge} once {@code finished} and every batch given before it have completed. */
    synchronized void acknowledgeWhen(CompletableFuture<Void> finished, Runnable acknowledge) {
        last = last.thenCombine(finished.exceptionally(error -> null), (before, self) -> self).thenRun(acknowledge)
                .exceptionally(error -> {
                    log.error("a delivered batch could not be acknowledged; it will be read again after a restart", error);
                    return null;
                });
    }

    /** Completes once every batch given so far has been acknowledged. */
    synchronized CompletableFuture<Void> drained() {
        return last;
    }
}
