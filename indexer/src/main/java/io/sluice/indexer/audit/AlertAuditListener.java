package io.sluice.indexer.audit;

import io.sluice.indexer.consume.RecordBatchWriter;
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

    private final RecordBatchWriter writer;

    public AlertAuditListener(RecordBatchWriter writer) {
        this.writer = writer;
    }

    @KafkaListener(id = "sluice-alerts-audit", idIsGroup = false, groupId = "sluice-indexer-alerts", topics = "alerts.v1",
            batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        writer.write(records, AlertDocuments::map);
    }
}
