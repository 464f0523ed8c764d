package io.sluice.indexer.consume;

import io.sluice.indexer.bulk.BatchIndexer;
import io.sluice.indexer.bulk.BulkDocument;
import io.sluice.indexer.bulk.BulkOutcome;
import io.sluice.indexer.bulk.MappedRecord;
import io.sluice.indexer.bulk.Rejection;
import io.sluice.indexer.deadletter.DeadLetterPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The path every listener's batch takes: each record mapped to a document or a rejection, the
 * documents indexed, and every rejection — the mapper's and Elasticsearch's — dead-lettered with its
 * reason. Returns only when all of that is done, so the caller may commit.
 */
public final class RecordBatchWriter {

    private final BatchIndexer indexer;
    private final DeadLetterPublisher deadLetters;

    public RecordBatchWriter(BatchIndexer indexer, DeadLetterPublisher deadLetters) {
        this.indexer = indexer;
        this.deadLetters = deadLetters;
    }

    public Written write(List<ConsumerRecord<String, byte[]>> records, Function<ConsumerRecord<String, byte[]>, MappedRecord> mapper) {
        List<BulkDocument> documents = new ArrayList<>(records.size());
        List<Rejection> rejections = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            MappedRecord mapped = mapper.apply(record);
            if (mapped instanceof BulkDocument document) {
                documents.add(document);
            } else if (mapped instanceof Rejection rejection) {
                rejections.add(rejection);
            }
        }
        BulkOutcome outcome = indexer.index(documents);
        rejections.addAll(outcome.rejected());
        deadLetters.publish(rejections);
        return new Written(outcome.indexed(), outcome.alreadyIndexed(), rejections.size());
    }

    /** How a batch ended. */
    public record Written(int indexed, int alreadyIndexed, int deadLettered) {
    }
}
