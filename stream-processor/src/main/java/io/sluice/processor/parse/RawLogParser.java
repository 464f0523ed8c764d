package io.sluice.processor.parse;

import io.sluice.topics.DeadLetterCode;
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
 * Turns one raw record into a {@link LogEvent} in two steps, so that multi-line reassembly can sit
 * between them: {@link #decode} checks the limits before any parsing or regex work, decodes the bytes
 * and unwraps a transport envelope (CRI, syslog); {@link #parse} reads the content the way its service
 * is configured to. The event keeps the line as {@code event.original} when its fields do not carry
 * all of it (or its service asks for it: Elastic's {@code preserve_original_event}); its id is the one ingest
 * assigned, or one derived from the record's Kafka coordinates (so a replay of a third-party record
 * gets the same id).
 */
public final class RawLogParser {

    /** Label set on an event whose bytes were not valid UTF-8: the original bytes, base64. */
    public static final String ORIGINAL_BYTES_LABEL = "sluice_original_base64";
    /** Label set on an event whose timestamp was too far in the future; holds the original value. */
    public static final String FUTURE_TIMESTAMP_LABEL = "sluice_future_timestamp";

    private final int maxLineBytes;
    private final Duration maxFutureSkew;
    private final Map<String, SourceSettings> services;
    private final SourceSettings defaults;
    private final ContentParser content;
    private final Envelopes envelopes = new Envelopes();
    private final Clock clock;

    public RawLogParser(ParserLimits limits, SourceSettings defaults, Map<String, SourceSettings> services,
            TextFormats formats, Clock clock) {
        this.maxLineBytes = limits.maxLineBytes();
        this.maxFutureSkew = limits.maxFutureSkew();
        this.defaults = defaults;
        this.services = new LinkedHashMap<>();
        services.forEach((service, settings) -> this.services.put(service, settings.over(defaults)));
        this.content = new ContentParser(new JsonLineParser(limits.maxJsonDepth()), formats, this.services);
        this.clock = clock;
    }

    /** A parser with default settings for every service: what tests and benchmarks mostly need. */
    public static RawLogParser withDefaults(ParserLimits limits, Clock clock) {
        return new RawLogParser(limits, SourceSettings.DEFAULTS, Map.of(), new TextFormats(new GrokPatterns(1000)), clock);
    }

    public int maxLineBytes() {
        return maxLineBytes;
    }

    public LogEvent parse(RawRecord record) {
        return parse(decode(record));
    }

    public DecodedLine decode(RawRecord record) {
        byte[] bytes = record.value();
        if (bytes == null || bytes.length == 0) {
            throw new UnparseableLogException(DeadLetterCode.EMPTY, "empty record");
        }
        if (bytes.length > maxLineBytes) {
            throw new UnparseableLogException(DeadLetterCode.TOO_LARGE, "record of " + bytes.length + " bytes exceeds the limit of " + maxLineBytes);
        }
        // invalid UTF-8 becomes U+FFFD rather than a lost record; the original bytes are kept beside it
        String strict = strictUtf8(bytes);
        String line = stripLineEnd(strict != null ? strict : new String(bytes, StandardCharsets.UTF_8));
        if (line.isBlank()) {
            throw new UnparseableLogException(DeadLetterCode.EMPTY, "blank record");
        }
        String shippedFor = firstNonBlank(record.serviceHeader(), record.key());
        SourceSettings settings = settingsOf(shippedFor);
        Envelope envelope = envelopes.unwrap(line, new TimeContext(settings.timezone(), record.receivedAt()));
        String service = firstNonBlank(shippedFor, envelope.service());
        if (shippedFor == null && service != null) {
            settings = settingsOf(service);
        }
        return new DecodedLine(record, line, strict != null ? null : Base64.getEncoder().encodeToString(bytes), envelope,
                service, settings);
    }

    public LogEvent parse(DecodedLine line) {
        TimeContext time = new TimeContext(line.settings().timezone(), line.record().receivedAt());
        ParsedFields fields = content.parse(line.service(), line.sourceKey(), line.envelope().content(), time);
        return toEvent(line, fields);
    }

    private SourceSettings settingsOf(String service) {
        return service == null ? defaults : services.getOrDefault(service, defaults);
    }

    /**
     * The text of valid UTF-8, or null when the bytes are not. The JDK's fast decoder goes first; only
     * text holding U+FFFD (a replacement, or a genuine one) is checked strictly.
     */
    private static String strictUtf8(byte[] bytes) {
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** What the line itself says wins; then its envelope; what the shipping protocol said fills the gaps. */
    private LogEvent toEvent(DecodedLine line, ParsedFields fields) {
        RawRecord record = line.record();
        Envelope envelope = line.envelope();
        ShippedAttributes shipped = record.attributes();
        Instant read = firstNonNull(fields.timestamp(), envelope.timestamp(), shipped.timestamp());
        Instant timestamp = read != null ? read : record.receivedAt();
        Map<String, String> labels = new LinkedHashMap<>();
        shipped.labels().forEach((name, value) -> labels.put(name.replace('.', '_'), value));
        envelope.labels().forEach((name, value) -> labels.put(name.replace('.', '_'), value));
        if (envelope.stream() != null) {
            labels.put("stream", envelope.stream());
        }
        labels.putAll(fields.labels());
        if (read == null) {
            labels.put(io.sluice.model.EventLabels.TIME_SOURCE, "received"); // never silently "now": the line had no time Sluice could read
        }
        if (line.originalBytes() != null) {
            labels.put(ORIGINAL_BYTES_LABEL, line.originalBytes());
        }
        if (timestamp.isAfter(record.receivedAt().plus(maxFutureSkew))) {
            labels.put(FUTURE_TIMESTAMP_LABEL, timestamp.toString());
            timestamp = record.receivedAt();
        }
        Map<String, Object> typed = TypedFieldLifter.lift(labels);
        String message = fields.message() != null ? fields.message() : envelope.content();
        Optional<ErrorDetails.Found> error = ErrorDetails.of(message, fields.stackTrace());
        return new LogEvent(
                timestamp,
                message,
                firstNonNull(fields.level(), envelope.level(), Levels.normalize(shipped.level())),
                firstNonBlank(fields.service(), line.service(), "unknown"),
                firstNonBlank(fields.host(), envelope.host(), record.hostHeader()),
                firstNonBlank(fields.traceId(), shipped.traceId()),
                firstNonBlank(fields.spanId(), shipped.spanId()),
                firstNonBlank(record.eventIdHeader(), fields.eventId(), EventIds.nameBased(record.identity())),
                clock.instant(),
                line.settings().keepOriginal() || !fields.representsLine() ? line.line() : null,
                labels,
                error.map(ErrorDetails.Found::type).orElse(null),
                error.map(ErrorDetails.Found::message).orElse(null),
                error.map(ErrorDetails.Found::stackTrace).orElse(null),
                error.map(ErrorDetails.Found::fingerprint).orElse(null),
                typed);
    }

    private static String stripLineEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
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
