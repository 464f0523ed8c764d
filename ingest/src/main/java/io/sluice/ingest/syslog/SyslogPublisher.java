package io.sluice.ingest.syslog;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.ingest.lines.RawLine;
import io.sluice.ingest.publish.KafkaUnavailableException;
import io.sluice.ingest.publish.RawLogPublisher;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes syslog batches. Syslog has no acknowledgement to withhold, so over TCP a batch is
 * retried until Kafka takes it (the connection is not read meanwhile); over UDP a batch gets a few
 * tries and is then counted as dropped — UDP's loss made visible.
 */
final class SyslogPublisher {

    private static final Logger log = LoggerFactory.getLogger(SyslogPublisher.class);

    private final RawLogPublisher publisher;
    private final Duration ackTimeout;
    private final MeterRegistry meters;
    private volatile boolean closed;

    SyslogPublisher(RawLogPublisher publisher, Duration ackTimeout, MeterRegistry meters) {
        this.publisher = publisher;
        this.ackTimeout = ackTimeout;
        this.meters = meters;
    }

    void publishUntilAcknowledged(List<RawLine> batch, String transport) {
        long backoff = 500;
        while (!batch.isEmpty() && !closed) {
            try {
                publisher.publish(batch, ackTimeout);
                meters.counter("sluice_syslog_messages", "transport", transport, "outcome", "accepted").increment(batch.size());
                return;
            } catch (KafkaUnavailableException e) {
                log.warn("syslog batch of {} waits for Kafka ({}); not reading meanwhile", batch.size(), e.getMessage());
                pause(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    void publishOrDrop(List<RawLine> batch, int tries) {
        for (int attempt = 1; attempt <= tries && !batch.isEmpty(); attempt++) {
            try {
                publisher.publish(batch, ackTimeout);
                meters.counter("sluice_syslog_messages", "transport", "udp", "outcome", "accepted").increment(batch.size());
                return;
            } catch (KafkaUnavailableException e) {
                pause(200L * attempt);
            }
        }
        if (!batch.isEmpty()) {
            log.error("dropped {} UDP syslog messages: Kafka unavailable", batch.size());
            meters.counter("sluice_syslog_udp_dropped", "reason", "kafka_unavailable").increment(batch.size());
        }
    }

    void close() {
        closed = true;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
