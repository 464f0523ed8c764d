package io.sluice.topics;

import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds a dead-letter record where no Sluice code path is at hand to forward one (a Kafka Streams
 * exception handler): the source record's bytes, cut to {@code maxValueBytes} so the dead letter
 * itself always fits the producer's limit — the untouched original stays at the coordinates the
 * headers name — with the usual headers, plus {@link #TRUNCATED} (the original size) when cut.
 */
public final class DeadLetterRecords {

    /** Set when the value was cut to fit: the original value's size in bytes. */
    public static final String TRUNCATED = "sluice.dlq.truncated";
    /** What a dead letter may carry: well under the producer's default {@code max.request.size} of 1 MiB, headers included. */
    public static final int MAX_VALUE_BYTES = 512 * 1024;

    private DeadLetterRecords() {
    }

    public static ProducerRecord<byte[], byte[]> of(String stage, DeadLetterCode code, String reason, String topic, int partition,
            long offset, byte[] key, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        SluiceHeaders.putDeadLetter(headers, stage, code, reason, topic, partition, offset);
        return new ProducerRecord<>(Topics.DLQ.name(), null, key, fit(value, headers), headers);
    }

    /** The value, cut to {@link #MAX_VALUE_BYTES} when larger, which {@link #TRUNCATED} then records in {@code headers}. */
    public static byte[] fit(byte[] value, Headers headers) {
        if (value == null || value.length <= MAX_VALUE_BYTES) {
            return value;
        }
        SluiceHeaders.put(headers, TRUNCATED, Integer.toString(value.length));
        return Arrays.copyOf(value, MAX_VALUE_BYTES);
    }
}
