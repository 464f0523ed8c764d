package io.sluice.alerting.evaluate;

import io.sluice.topics.DeadLetterCode;
import io.sluice.topics.DeadLetterRecords;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record on {@code logs.enriched.v1} that is not a {@code LogEvent} (another producer, a bug) cannot
 * be evaluated; without this, every attempt to read it would kill the stream thread. It goes to the
 * dead-letter topic as {@code not_an_event}, within the evaluation's transaction, and evaluation goes on.
 */
public final class NotAnEventHandler implements DeserializationExceptionHandler {

    static final String STAGE = "alerting/evaluate";
    private static final Logger log = LoggerFactory.getLogger(NotAnEventHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String reason = "not a log event: " + firstLine(exception.getMessage());
        log.warn("record {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(), reason);
        return Response.resume(List.of(DeadLetterRecords.of(STAGE, DeadLetterCode.NOT_AN_EVENT, reason, record.topic(), record.partition(), record.offset(),
                record.key(), record.value())));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
