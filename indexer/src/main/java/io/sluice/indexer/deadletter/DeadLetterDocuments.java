package io.sluice.indexer.deadletter;

import io.sluice.topics.DeadLetterCode;
import io.sluice.index.IndexNames;
import io.sluice.indexer.bulk.BulkDocument;
import io.sluice.indexer.bulk.Coordinates;
import io.sluice.json.Json;
import io.sluice.redact.Redactor;
import io.sluice.model.EventIds;
import io.sluice.topics.SluiceHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a record of {@code logs.dlq.v1} into a document of {@code sluice-dlq-<yyyy.MM>}: when it was
 * dead-lettered, its service, the stage that refused it, the reason (as written and as a category),
 * where it came from, and the original text — redacted as the log indices are (a record refused before
 * the processor redacted it still holds its e-mail addresses, card numbers and tokens; the names of the
 * rules that fired go in {@code dlq.redacted}) and cut at {@link #MAX_ORIGINAL_CHARS} characters, the
 * record itself staying whole, unredacted, in the topic for replay. Any record maps, so this index never refuses one back into
 * the topic it reads. The id comes from the record's coordinates and timestamp: a replay is a 409, not
 * a second document.
 */
public final class DeadLetterDocuments {

    static final int MAX_ORIGINAL_CHARS = 32_768;

    private DeadLetterDocuments() {
    }

    public static BulkDocument map(ConsumerRecord<String, byte[]> record, Redactor redactor) {
        Instant at = Instant.ofEpochMilli(Math.max(0, record.timestamp()));
        String reason = SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_REASON);
        String service = SluiceHeaders.text(record.headers(), SluiceHeaders.SERVICE);
        byte[] value = record.value() == null ? new byte[0] : record.value();
        Redactor.RedactedText original = redactor.redact(new String(value, StandardCharsets.UTF_8));
        Redactor.RedactedText reasonText = redactor.redact(reason);
        boolean truncated = original.text().length() > MAX_ORIGINAL_CHARS;
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@timestamp", at.toString());
        document.put("service.name", service != null ? service : record.key());
        document.put("dlq.stage", SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_STAGE));
        document.put("dlq.reason", reasonText.text());
        document.put("dlq.category", DeadLetterCode.labelOf(record.headers()));
        document.put("dlq.origin.topic", SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_TOPIC));
        document.put("dlq.origin.partition", number(SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_PARTITION)));
        document.put("dlq.origin.offset", number(SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_OFFSET)));
        document.put("dlq.original_bytes", value.length);
        document.put("dlq.truncated", truncated);
        document.put("event.original", truncated ? original.text().substring(0, MAX_ORIGINAL_CHARS) : original.text());
        java.util.Set<String> redacted = new java.util.TreeSet<>(original.applied());
        redacted.addAll(reasonText.applied());
        if (!redacted.isEmpty()) {
            document.put("dlq.redacted", String.join(",", redacted));
        }
        Coordinates origin = new Coordinates(record.topic(), record.partition(), record.offset());
        return new BulkDocument(origin, record.key(), IndexNames.deadLetters(at), id(record), Json.MAPPER.writeValueAsBytes(document));
    }

    /**
     * The record's coordinates and timestamp: the same record read again is the same document, while a
     * record at the same coordinates of a recreated topic is a new one.
     */
    static String id(ConsumerRecord<String, byte[]> record) {
        return EventIds.nameBased(record.topic() + "-" + record.partition() + "@" + record.offset() + "/" + record.timestamp());
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
