package io.sluice.processor.parse;

import io.sluice.model.EventIds;
import io.sluice.model.LogEvent;
import io.sluice.model.ShippedAttributes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one raw record into a {@link LogEvent}: JSON when the line starts with '{', plain text
 * otherwise. Limits are checked before any parsing or regex work. The event keeps the line as
 * {@code event.original}; its id is the one ingest assigned, or one derived from the record's Kafka
 * coordinates (so a replay of a third-party record gets the same id).
 */
public final class RawLogParser {

    /** Label set on an event whose bytes were not valid UTF-8: the original bytes, base64. */
    public static final String ORIGINAL_BYTES_LABEL = "sluice_original_base64";
    /** Label set on an event whose timestamp was too far in the future; holds the original value. */
    public static final String FUTURE_TIMESTAMP_LABEL = "sluice_future_timestamp";

    private final int maxLineBytes;
    private final Duration maxFutureSkew;
    private final JsonLineParser json;
    private final PlainLineParser plain = new PlainLineParser();
    private final Clock clock;

    public RawLogParser(int maxLineBytes, int maxDepth, Duration maxFutureSkew, Clock clock) {
        this.maxLineBytes = maxLineBytes;
        this.maxFutureSkew = maxFutureSkew;
        this.json = new JsonLineParser(maxDepth);
        this.clock = clock;
    }

    public LogEvent parse(RawRecord record) {
        byte[] bytes = record.value();
        if (bytes == null || bytes.length == 0) {
            throw new UnparseableLogException("empty record");
        }
        if (bytes.length > maxLineBytes) {
            throw new UnparseableLogException("record of " + bytes.length + " bytes exceeds the limit of " + maxLineBytes);
        }
        // invalid UTF-8 becomes U+FFFD rather than a lost record; the original bytes are kept beside it
        String strict = strictUtf8(bytes);
        boolean validUtf8 = strict != null;
        String line = stripLineEnd(validUtf8 ? strict : new String(bytes, StandardCharsets.UTF_8));
        if (line.isBlank()) {
            throw new UnparseableLogException("blank record");
        }
        boolean isJson = line.stripLeading().startsWith("{");
        ParsedFields fields = isJson ? json.parse(line) : Logfmt.looksLike(line) ? json.parseLogfmt(line) : plain.parse(line);
        LogEvent event = toEvent(record, line, fields);
        if (validUtf8) {
            return event;
        }
        Map<String, String> labels = new LinkedHashMap<>(event.labels());
        labels.put(ORIGINAL_BYTES_LABEL, Base64.getEncoder().encodeToString(bytes));
        return event.withLabels(labels);
    }

    /** The text of valid UTF-8, or null when the bytes are not. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** What the line itself says wins; what the shipping protocol said fills the gaps. */
    private LogEvent toEvent(RawRecord record, String line, ParsedFields fields) {
        ShippedAttributes shipped = record.attributes();
        Instant timestamp = fields.timestamp() != null ? fields.timestamp()
                : shipped.timestamp() != null ? shipped.timestamp() : record.receivedAt();
        Map<String, String> labels = new LinkedHashMap<>();
        shipped.labels().forEach((name, value) -> labels.put(name.replace('.', '_'), value));
        labels.putAll(fields.labels());
        if (timestamp.isAfter(record.receivedAt().plus(maxFutureSkew))) {
            labels.put(FUTURE_TIMESTAMP_LABEL, timestamp.toString());
            timestamp = record.receivedAt();
        }
        String message = fields.message() != null ? fields.message() : line;
        Optional<ErrorDetails.Found> error = ErrorDetails.of(message, fields.stackTrace());
        return new LogEvent(
                timestamp,
                message,
                fields.level() != null ? fields.level() : Levels.normalize(shipped.level()),
                firstNonBlank(fields.service(), record.serviceHeader(), record.key(), "unknown"),
                firstNonBlank(fields.host(), record.hostHeader()),
                firstNonBlank(fields.traceId(), shipped.traceId()),
                firstNonBlank(fields.spanId(), shipped.spanId()),
                firstNonBlank(record.eventIdHeader(), fields.eventId(), EventIds.nameBased(record.coordinates())),
                clock.instant(),
                line,
                labels,
                error.map(ErrorDetails.Found::type).orElse(null),
                error.map(ErrorDetails.Found::message).orElse(null),
                error.map(ErrorDetails.Found::stackTrace).orElse(null),
                error.map(ErrorDetails.Found::fingerprint).orElse(null));
    }

    private static String stripLineEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
