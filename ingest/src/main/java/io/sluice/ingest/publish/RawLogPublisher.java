package io.sluice.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.ingest.lines.LineRejection;
import io.sluice.ingest.lines.RawLine;
import io.sluice.metrics.SluiceMeters;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes accepted lines to {@code logs.raw.v1} (key = service) and returns only once Kafka has
 * acknowledged every one of them (idempotent producer, {@code acks=all}); otherwise it throws, and
 * the request is answered 503 so the sender retries.
 */
@Component
public class RawLogPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final SluiceMeters meters;
    private final Counter published;
    private final Counter unacknowledged;

    public RawLogPublisher(KafkaTemplate<String, byte[]> kafka, MeterRegistry registry) {
        this.kafka = kafka;
        this.meters = new SluiceMeters(registry, "ingest");
        this.published = meters.out("published");
        this.unacknowledged = meters.out("answered_503");
    }

    /** Counts the lines in, and out as {@code published} (acknowledged) or {@code answered_503} (the sender retries). */
    public void publish(List<RawLine> lines, Duration ackTimeout) {
        meters.in(lines.size());
        try {
            send(lines, ackTimeout);
            published.increment(lines.size());
        } catch (KafkaUnavailableException e) {
            unacknowledged.increment(lines.size());
            throw e;
        }
    }

    /** Counts lines refused to their sender (too long, nested too deep), by reason category. */
    public void refused(List<LineRejection> rejections) {
        rejections.stream().filter(rejection -> rejection.code() != null).forEach(rejection -> meters.refused(rejection.code()));
    }

    private void send(List<RawLine> lines, Duration ackTimeout) {
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(lines.size());
        try {
            for (RawLine line : lines) {
                sends.add(kafka.send(toRecord(line)));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge the records: " + rootMessage(e), e);
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge the records within " + ackTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
        } catch (RuntimeException e) {
            // send() itself fails fast when metadata cannot be fetched within max.block.ms
            throw new KafkaUnavailableException("Kafka is unavailable: " + rootMessage(e), e);
        }
    }

    private static ProducerRecord<String, byte[]> toRecord(RawLine line) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RAW.name(), line.service(), line.bytes());
        SluiceHeaders.put(record.headers(), SluiceHeaders.SERVICE, line.service());
        SluiceHeaders.put(record.headers(), SluiceHeaders.HOST, line.host());
        SluiceHeaders.put(record.headers(), SluiceHeaders.EVENT_ID, line.eventId());
        SluiceHeaders.putAttributes(record.headers(), line.attributes());
        return record;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
