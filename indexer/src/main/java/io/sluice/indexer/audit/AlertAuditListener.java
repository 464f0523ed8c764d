package io.sluice.indexer.audit;

import io.sluice.indexer.bulk.BatchIndexer;
import io.sluice.indexer.bulk.BulkDocument;
import io.sluice.indexer.bulk.BulkOutcome;
import io.sluice.indexer.bulk.MappedRecord;
import io.sluice.indexer.bulk.Rejection;
import io.sluice.indexer.deadletter.DeadLetterPublisher;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Indexes every alert and every delivery outcome of {@code alerts.v1} for audit, with the same bulk
 * path and guarantees as the logs (in its own consumer group): offsets committed only once indexed or
 * dead-lettered, ids making repeats harmless.
 */
@Component
public class AlertAuditListener {

    private final BatchIndexer indexer;
    private final DeadLetterPublisher deadLetters;

    public AlertAuditListener(BatchIndexer indexer, DeadLetterPublisher deadLetters) {
        this.indexer = indexer;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(id = "sluice-alerts-audit", idIsGroup = false, groupId = "sluice-indexer-alerts", topics = "alerts.v1",
            batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<BulkDocument> documents = new ArrayList<>(records.size());
        List<Rejection> rejections = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            MappedRecord mapped = AlertDocuments.map(record);
            if (mapped instanceof BulkDocument document) {
                documents.add(document);
            } else if (mapped instanceof Rejection rejection) {
                rejections.add(rejection);
            }
        }
        BulkOutcome outcome = indexer.index(documents);
        rejections.addAll(outcome.rejected());
        deadLetters.publish(rejections);
    }
}
