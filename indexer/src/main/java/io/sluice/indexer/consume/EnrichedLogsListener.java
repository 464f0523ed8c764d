package io.sluice.indexer.consume;

import io.sluice.indexer.bulk.BulkDocument;
import io.sluice.indexer.bulk.BatchIndexer;
import io.sluice.indexer.bulk.BulkOutcome;
import io.sluice.indexer.bulk.DocumentMapper;
import io.sluice.indexer.bulk.MappedRecord;
import io.sluice.indexer.bulk.Rejection;
import io.sluice.indexer.deadletter.DeadLetterPublisher;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code logs.enriched.v1} (read_committed) in batches: each batch is indexed (as several
 * bulks in flight) or dead-lettered in full before the listener returns, and only then are its offsets committed. A
 * batch that fails is retried whole, with backoff, by the container's error handler.
 */
@Component
public class EnrichedLogsListener {

    private static final Logger log = LoggerFactory.getLogger(EnrichedLogsListener.class);

    private final BatchIndexer indexer;
    private final DocumentMapper mapper;
    private final DeadLetterPublisher deadLetters;

    public EnrichedLogsListener(BatchIndexer indexer, DocumentMapper mapper, DeadLetterPublisher deadLetters) {
        this.indexer = indexer;
        this.mapper = mapper;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(id = "sluice-indexer", idIsGroup = false, topics = "logs.enriched.v1", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<BulkDocument> documents = new ArrayList<>(records.size());
        List<Rejection> rejections = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            MappedRecord mapped = mapper.map(record);
            if (mapped instanceof BulkDocument document) {
                documents.add(document);
            } else if (mapped instanceof Rejection rejection) {
                rejections.add(rejection);
            }
        }
        BulkOutcome outcome = documents.isEmpty() ? new BulkOutcome(0, 0, List.of()) : indexer.index(documents);
        rejections.addAll(outcome.rejected());
        deadLetters.publish(rejections);
        log.debug("batch of {}: {} indexed, {} already indexed, {} dead-lettered", records.size(), outcome.indexed(),
                outcome.alreadyIndexed(), rejections.size());
    }
}
