package io.sluice.indexer.replay;

import io.sluice.indexer.bulk.BulkDocument;
import io.sluice.indexer.bulk.BulkIndexer;
import io.sluice.indexer.bulk.BulkOutcome;
import io.sluice.indexer.bulk.DocumentMapper;
import io.sluice.indexer.bulk.MappedRecord;
import io.sluice.indexer.bulk.Rejection;
import io.sluice.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-indexes a time range of {@code logs.enriched.v1}: seeks every partition to the first offset at or
 * after {@code from} (Kafka's time index), reads up to the end offsets as they were when the replay
 * began — not just to {@code to}: record times are only nearly ordered (a re-published DLQ record, a
 * producer with its own clock), so a time cannot end the scan — and writes the matching records through the same mapper and bulk path as the live indexer. With {@code _id} =
 * {@code event.id} and {@code create}, whatever is already there answers 409 and is counted, never
 * written twice. Uses its own consumer without a group: the live indexer's offsets are not touched.
 */
public final class EnrichedReplayer {

    private static final Logger log = LoggerFactory.getLogger(EnrichedReplayer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_REASONS = 10;

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final DocumentMapper mapper;
    private final BulkIndexer indexer;

    public EnrichedReplayer(Supplier<Consumer<String, byte[]>> consumers, DocumentMapper mapper, BulkIndexer indexer) {
        this.consumers = consumers;
        this.mapper = mapper;
        this.indexer = indexer;
    }

    public synchronized ReplayReport replay(ReplayRequest request) {
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            Map<TopicPartition, Long> ends = seek(consumer, request);
            Tally tally = new Tally();
            while (!ends.isEmpty()) {
                List<BulkDocument> documents = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long end = ends.get(partition);
                    if (end == null) {
                        continue;
                    }
                    if (record.offset() >= end) {
                        finish(consumer, ends, partition);
                        continue;
                    }
                    if (request.covers(record.timestamp(), record.key())) {
                        tally.read++;
                        collect(mapper.map(record), documents, tally);
                    }
                    if (record.offset() == end - 1) {
                        finish(consumer, ends, partition);
                    }
                }
                dropFinished(consumer, ends);
                if (!documents.isEmpty()) {
                    tally.add(indexer.index(documents));
                }
            }
            log.info("replay {}: {}", request, tally.report());
            return tally.report();
        }
    }

    /** Positions every partition at {@code from}; returns the end offsets of the partitions with anything to read. */
    private static Map<TopicPartition, Long> seek(Consumer<String, byte[]> consumer, ReplayRequest request) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(Topics.ENRICHED.name())) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, request.from().toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp start = starts.get(partition);
            if (start == null || start.offset() >= ends.get(partition)) {
                ends.remove(partition); // nothing at or after 'from'
                consumer.pause(List.of(partition));
            } else {
                consumer.seek(partition, start.offset());
            }
        }
        return ends;
    }

    private static void finish(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> ends, TopicPartition partition) {
        ends.remove(partition);
        consumer.pause(List.of(partition));
    }

    /** A partition whose position reached its end offset (transaction markers included) is done. */
    private static void dropFinished(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        ends.entrySet().removeIf(entry -> {
            boolean done = consumer.position(entry.getKey()) >= entry.getValue();
            if (done) {
                consumer.pause(List.of(entry.getKey()));
            }
            return done;
        });
    }

    private static void collect(MappedRecord mapped, List<BulkDocument> documents, Tally tally) {
        if (mapped instanceof BulkDocument document) {
            documents.add(document);
        } else if (mapped instanceof Rejection rejection) {
            tally.refuse(rejection);
        }
    }

    /** Running counts. */
    private static final class Tally {
        long read;
        long indexed;
        long alreadyIndexed;
        long refused;
        final List<String> reasons = new ArrayList<>();

        void add(BulkOutcome outcome) {
            indexed += outcome.indexed();
            alreadyIndexed += outcome.alreadyIndexed();
            outcome.rejected().forEach(this::refuse);
        }

        void refuse(Rejection rejection) {
            refused++;
            if (reasons.size() < MAX_REASONS) {
                reasons.add(rejection.origin() + ": " + rejection.reason());
            }
        }

        ReplayReport report() {
            return new ReplayReport(read, indexed, alreadyIndexed, refused, reasons);
        }
    }
}
