package io.sluice.reconcile;

import io.sluice.json.Json;
import io.sluice.model.EventIds;
import io.sluice.multiline.ContinuationRule;
import io.sluice.topics.SluiceHeaders;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What the processor makes of a raw record, as far as reconciling needs: the id its event gets (the
 * {@code sluice.event.id} header, else the line's own {@code event.id}, else the id derived from its
 * coordinates and timestamp — the processor's own rule), its service, and whether it is a line the
 * processor joins into the event before it (a continuation by the shared {@link ContinuationRule}, or
 * what follows a CRI partial line).
 */
public final class RawRecords {

    private static final Pattern CRI = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}T\\S+ (stdout|stderr) ([FP])(?: (.*))?$", Pattern.DOTALL);

    private RawRecords() {
    }

    /** The id the processor gives the event of this record. */
    public static String eventId(ConsumerRecord<byte[], byte[]> record) {
        String header = SluiceHeaders.text(record.headers(), SluiceHeaders.EVENT_ID);
        if (header != null && !header.isBlank()) {
            return header;
        }
        byte[] value = record.value();
        if (value != null && value.length > 0 && value[0] == '{') {
            try {
                JsonNode line = Json.MAPPER.readTree(value);
                String own = line.path("event.id").asString(line.path("event").path("id").asString(null));
                if (own != null && !own.isBlank()) {
                    return own;
                }
            } catch (JacksonException notJson) {
                // the processor dead-letters it; its id is the derived one
            }
        }
        return EventIds.nameBased(coordinates(record) + "/" + record.timestamp());
    }

    static String service(ConsumerRecord<byte[], byte[]> record) {
        String header = SluiceHeaders.text(record.headers(), SluiceHeaders.SERVICE);
        if (header != null && !header.isBlank()) {
            return header;
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        return key == null || key.isBlank() ? "unknown" : key;
    }

    /** Where the record's lines come from, as the processor joins them: service, host and stream. */
    static String source(ConsumerRecord<byte[], byte[]> record) {
        String host = SluiceHeaders.text(record.headers(), SluiceHeaders.HOST);
        Matcher cri = cri(record);
        return record.partition() + "|" + service(record) + "|" + host + "|" + (cri == null ? "" : cri.group(1));
    }

    /** Whether the record is a CRI partial line, whose next line of the same source completes it. */
    static boolean partial(ConsumerRecord<byte[], byte[]> record) {
        Matcher cri = cri(record);
        return cri != null && cri.group(2).equals("P");
    }

    /** Whether the record's line continues the event before it (never a JSON line). */
    static boolean continuation(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null || record.value().length == 0 || record.value()[0] == '{') {
            return false;
        }
        Matcher cri = cri(record);
        String line = cri != null ? (cri.group(3) == null ? "" : cri.group(3)) : text(record);
        return ContinuationRule.DEFAULT.continues(line, true);
    }

    static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static Matcher cri(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null || record.value().length < 32 || !Character.isDigit(record.value()[0])) {
            return null;
        }
        Matcher cri = CRI.matcher(text(record));
        return cri.matches() ? cri : null;
    }

    private static String text(ConsumerRecord<byte[], byte[]> record) {
        String line = new String(record.value(), StandardCharsets.UTF_8);
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }
}
