package io.sluice.processor.topology;

import io.sluice.model.LogEvent;
import io.sluice.topics.Topics;
import java.util.Map;
import java.util.Optional;

/**
 * The largest enriched event that can be written: an event may outgrow its raw line (message, original,
 * labels and the base64 of invalid bytes all travel), and under exactly-once a record the producer
 * refuses as too large fails the whole transaction — no exception handler can skip it — so the stream
 * thread would die on it again and again. Events over the limit are refused before they are produced.
 * Most events are far below it: only those whose text could come near it are serialized to be measured.
 *
 * @param maxBytes the serialized event's limit: the producer's {@code max.request.size} (1 MiB) minus room
 *                 for headers and the service catalog's labels
 */
public record EventSizeLimit(int maxBytes) {

    public static final EventSizeLimit DEFAULT = new EventSizeLimit(960 * 1024);
    /** What JSON adds around the text: field names, timestamps, ids. */
    private static final int OVERHEAD = 4 * 1024;

    public EventSizeLimit {
        if (maxBytes < 64 * 1024) {
            throw new IllegalArgumentException("the event size limit must be at least 64 KB: " + maxBytes);
        }
    }

    /** Why the event cannot be written, or empty when it fits. */
    public Optional<String> exceededBy(LogEvent event) {
        // at most 6 bytes per char once JSON-escaped (\\uXXXX): below this, the event surely fits
        if ((long) textChars(event) * 6 + OVERHEAD <= maxBytes) {
            return Optional.empty();
        }
        int size = Topics.ENRICHED.valueSerde().serializer().serialize(Topics.ENRICHED.name(), event).length;
        return size <= maxBytes ? Optional.empty()
                : Optional.of("enriched event of " + size + " bytes is over the producer limit of " + maxBytes + " bytes");
    }

    private static long textChars(LogEvent event) {
        long chars = length(event.message()) + length(event.original()) + length(event.errorMessage()) + length(event.errorStackTrace());
        for (Map.Entry<String, String> label : event.labels().entrySet()) {
            chars += length(label.getKey()) + length(label.getValue());
        }
        return chars;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
