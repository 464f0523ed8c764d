package io.sluice.cli;

import io.sluice.kafka.KafkaAccess;
import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.model.LogEvent;
import io.sluice.runtime.kafka.TopicTail;
import io.sluice.topics.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * {@code ./sluice tail 'timeout' --service checkout}: follows new logs as the processor publishes them
 * — the events on their way into Elasticsearch — with the same filters as {@code ./sluice search},
 * until Ctrl-C. It reads {@code logs.enriched.v1} (committed records only) without a consumer group,
 * so it moves no offsets and misses nothing while the indexer is slow or down. {@code --since 5m}
 * starts that far back instead of now.
 */
final class TailCommand {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Deserializer<LogEvent> EVENTS = Topics.ENRICHED.valueSerde().deserializer();

    private final CliArgs args;
    private final PrintStream out;

    TailCommand(CliArgs args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    int run() {
        LogQuery query = LogQuery.from(args, Instant.now(), "0s");
        if (query.isFieldQuery()) {
            throw new CliArgs.UsageException("tail follows words of the message, --service and --level; a field query is for search");
        }
        KafkaAccess kafka = CommandKafka.as(args, KafkaPrincipal.OPERATOR);
        try (KafkaConsumer<String, byte[]> consumer = TopicTail.assignedToAll(kafka, Topics.ENRICHED.name(), Duration.ofSeconds(15))) {
            startAt(consumer, List.copyOf(consumer.assignment()), query.from());
            System.err.println("following " + Topics.ENRICHED.name() + " on " + kafka.bootstrapServers() + " since " + query.from()
                    + " (Ctrl-C stops)");
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    print(query, record);
                }
            }
        }
        return 0;
    }

    private void print(LogQuery query, ConsumerRecord<String, byte[]> record) {
        LogEvent event;
        try {
            event = EVENTS.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            System.err.println("skipping unreadable record " + record.topic() + "-" + record.partition() + "@" + record.offset());
            return;
        }
        if (event != null && query.matches(event.service(), event.level(), event.message())) {
            out.println(SearchCommand.format(event.timestamp().toString(), event.service(), event.level(), event.message()));
            out.flush();
        }
    }

    /** Seeks every partition to its first record published at or after {@code from}, or to its end. */
    private static void startAt(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, Instant from) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times, Duration.ofSeconds(15));
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(15));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            consumer.seek(partition, offset == null ? ends.get(partition) : offset.offset());
        }
    }
}
