package io.sluice.indexer.deadletter;

import io.sluice.indexer.bulk.Rejection;
import io.sluice.metrics.SluiceMeters;
import io.sluice.topics.DeadLetterRecords;
import io.sluice.topics.SluiceHeaders;
import org.apache.kafka.common.header.internals.RecordHeaders;
import io.sluice.topics.Topics;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes rejected records to {@code logs.dlq.v1}, unchanged, with stage, reason and origin headers,
 * and waits for Kafka's acknowledgement: offsets are committed only after their records are safe here.
 */
@Component
public class DeadLetterPublisher {

    static final String STAGE = "indexer/bulk";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final SluiceMeters meters;

    public DeadLetterPublisher(KafkaTemplate<String, byte[]> kafka, SluiceMeters meters) {
        this.kafka = kafka;
        this.meters = meters;
    }

    public void publish(List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] sends = rejections.stream().map(this::send).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get(30, TimeUnit.SECONDS);
            rejections.forEach(rejection -> meters.deadLettered(rejection.code()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead-letter topic did not acknowledge " + rejections.size() + " records", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        }
    }

    private CompletableFuture<?> send(Rejection rejection) {
        log.warn("dead-lettering {}: {}", rejection.origin(), rejection.reason());
        RecordHeaders headers = new RecordHeaders();
        SluiceHeaders.putDeadLetter(headers, STAGE, rejection.code(), rejection.reason(), rejection.origin().topic(),
                rejection.origin().partition(), rejection.origin().offset());
        // a document Elasticsearch refused as too large may be too large for the dead-letter topic too: cut to fit
        byte[] value = DeadLetterRecords.fit(rejection.value(), headers);
        return kafka.send(new ProducerRecord<>(Topics.DLQ.name(), null, rejection.key(), value, headers));
    }
}
