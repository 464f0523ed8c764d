package io.sluice.indexer.deadletter;

import io.sluice.redact.Redactor;
import io.sluice.indexer.bulk.BatchIndexer;
import io.sluice.indexer.bulk.BulkOutcome;
import io.sluice.indexer.bulk.Rejection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Makes the dead-letter topic searchable: every record of {@code logs.dlq.v1} indexed into
 * {@code sluice-dlq-*} (its own consumer group; offsets committed once indexed), for the Kibana
 * search and dashboard panel. A document Elasticsearch refuses is logged, not dead-lettered — that
 * would feed the topic this reads — and loses nothing: the record stays in the topic.
 */
@Component
public class DeadLetterIndexListener {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterIndexListener.class);

    private final BatchIndexer indexer;
    private final Redactor redactor;

    /** @param redactor what the dead-letter index may not show, as the log indices (sluice.indexer.redaction) */
    public DeadLetterIndexListener(BatchIndexer indexer, Redactor redactor) {
        this.indexer = indexer;
        this.redactor = redactor;
    }

    @KafkaListener(id = "sluice-dlq-index", idIsGroup = false, groupId = "sluice-indexer-dlq", topics = "logs.dlq.v1", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        BulkOutcome outcome = indexer.index(records.stream().map(record -> DeadLetterDocuments.map(record, redactor)).toList());
        for (Rejection rejection : outcome.rejected()) {
            log.error("dead letter {} not indexed (it stays in the topic): {}", rejection.origin(), rejection.reason());
        }
    }
}
