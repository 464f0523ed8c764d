package io.sluice.runtime.kafka;

import io.sluice.kafka.KafkaAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads a topic from the beginning, committed records only, keeping those the caller cares about —
 * tests share topics, so each filters on something unique to it (a service name, say).
 */
public final class TopicRecords {

    private TopicRecords() {
    }

    /**
     * Reads until {@code expected} matching records arrived or {@code timeout} passed, and returns what matched.
     * Without a consumer group (every partition assigned, from its start): a principal allowed to read the topic
     * needs no group rights for it — the operator's {@code ./sluice dlq} reads as such a principal.
     */
    public static List<ConsumerRecord<String, byte[]>> read(KafkaAccess kafka, String topic,
            Predicate<ConsumerRecord<String, byte[]>> matching, int expected, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = TopicTail.assignedToAll(kafka, topic, timeout)) {
            consumer.seekToBeginning(consumer.assignment());
            Instant deadline = Instant.now().plus(timeout);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }
}
