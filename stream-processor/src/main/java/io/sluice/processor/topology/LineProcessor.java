package io.sluice.processor.topology;

import io.sluice.metrics.SluiceMeters;
import io.sluice.model.LogEvent;
import io.sluice.processor.multiline.MultilineAssembler;
import io.sluice.processor.multiline.PendingLines;
import io.sluice.processor.parse.DecodedLine;
import io.sluice.processor.parse.RawLogParser;
import io.sluice.processor.parse.RawRecord;
import io.sluice.processor.parse.UnparseableLogException;
import io.sluice.topics.DeadLetterCode;
import io.sluice.topics.DeadLetterRecords;
import io.sluice.topics.SluiceHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes each raw record, reassembles multi-line events per source in a state store (so a crash
 * loses no half-assembled event: the store's changelog commits with the input offsets), and parses
 * every complete event. Pending events are flushed when their source has been quiet for the flush
 * timeout. A record that cannot be decoded or parsed — for a known reason or because the parser itself
 * failed — is forwarded as a rejection with dead-letter headers; the stream thread never dies for one record.
 */
final class LineProcessor implements Processor<String, byte[], String, ParseOutcome> {

    static final String STAGE = "stream-processor/parse";
    static final String PENDING_STORE = "multiline-pending";
    private static final Logger log = LoggerFactory.getLogger(LineProcessor.class);

    private final RawLogParser parser;
    private final MultilineAssembler assembler;
    private final Duration flushTimeout;
    private final SluiceMeters meters;
    private final EventSizeLimit sizeLimit;
    private ProcessorContext<String, ParseOutcome> context;
    private KeyValueStore<String, PendingLines> pending;
    /** The sources with a pending event, mirroring the store: most lines need no store read at all. */
    private final Set<String> pendingSources = new HashSet<>();

    LineProcessor(RawLogParser parser, MultilineAssembler assembler, Duration flushTimeout, SluiceMeters meters,
            EventSizeLimit sizeLimit) {
        this.parser = parser;
        this.assembler = assembler;
        this.flushTimeout = flushTimeout;
        this.meters = meters;
        this.sizeLimit = sizeLimit;
    }

    @Override
    public void init(ProcessorContext<String, ParseOutcome> context) {
        this.context = context;
        this.pending = context.getStateStore(PENDING_STORE);
        try (KeyValueIterator<String, PendingLines> all = pending.all()) {
            all.forEachRemaining(entry -> pendingSources.add(entry.key));
        }
        Duration interval = flushTimeout.dividedBy(4).isZero() ? Duration.ofMillis(50) : flushTimeout.dividedBy(4);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::flushQuietSources);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        meters.in(1);
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        RawRecord raw = new RawRecord(record.value(), record.key(),
                SluiceHeaders.text(record.headers(), SluiceHeaders.SERVICE),
                SluiceHeaders.text(record.headers(), SluiceHeaders.HOST),
                SluiceHeaders.text(record.headers(), SluiceHeaders.EVENT_ID),
                SluiceHeaders.attributes(record.headers()),
                Instant.ofEpochMilli(record.timestamp()), origin.topic(), origin.partition(), origin.offset());
        DecodedLine line;
        try {
            line = parser.decode(raw);
        } catch (UnparseableLogException e) {
            reject(raw, raw.value(), record.headers(), e.code(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.warn("decoding failed on {}: {}", raw.coordinates(), e.toString());
            reject(raw, raw.value(), record.headers(), DeadLetterCode.PARSER_ERROR, "parser failed: " + e);
            return;
        }
        if (!line.joinable() && pendingSources.isEmpty()) {
            emit(line, record.headers());
            return;
        }
        String source = line.sourceKey();
        PendingLines before = pendingSources.contains(source) ? pending.get(source) : null;
        MultilineAssembler.Step step = assembler.offer(before, line, context.currentSystemTimeMs());
        if (step.completed() != null) {
            emit(step.completed());
        }
        if (step.pending() != null) {
            pending.put(source, step.pending());
            pendingSources.add(source);
        } else if (before != null) {
            pending.delete(source);
            pendingSources.remove(source);
        }
        if (step.passThrough() != null) {
            emit(step.passThrough(), record.headers());
        }
    }

    private void flushQuietSources(long now) {
        if (pendingSources.isEmpty()) {
            return;
        }
        List<KeyValue<String, PendingLines>> quiet = new ArrayList<>();
        try (KeyValueIterator<String, PendingLines> all = pending.all()) {
            all.forEachRemaining(entry -> {
                if (now - entry.value.updatedAtMillis() >= flushTimeout.toMillis()) {
                    quiet.add(entry);
                }
            });
        }
        for (KeyValue<String, PendingLines> entry : quiet) {
            pending.delete(entry.key);
            pendingSources.remove(entry.key);
            emit(entry.value);
        }
    }

    private void emit(PendingLines lines) {
        DecodedLine head;
        try {
            head = parser.decode(lines.head());
        } catch (RuntimeException e) {
            reject(lines.head(), lines.original().getBytes(StandardCharsets.UTF_8), headersOf(lines.head()), DeadLetterCode.PARSER_ERROR,
                    "parser failed: " + e);
            return;
        }
        emit(lines.lines() == 1 ? head : head.joined(lines.content(), lines.original()), headersOf(lines.head()));
    }

    /** Forwards the parsed event; a joined event that fails goes to the DLQ with all its lines. */
    private void emit(DecodedLine line, Headers headers) {
        RawRecord raw = line.record();
        try {
            LogEvent event = parser.parse(line);
            Optional<String> tooLarge = sizeLimit.exceededBy(event);
            if (tooLarge.isPresent()) {
                reject(raw, line.isJoined() ? line.line().getBytes(StandardCharsets.UTF_8) : raw.value(), headers, DeadLetterCode.TOO_LARGE,
                        tooLarge.get());
                return;
            }
            if ("received".equals(event.labels().get(io.sluice.model.EventLabels.TIME_SOURCE))) {
                meters.untimed(event.service());
            }
            // the event id travels as a header too, so a consumer can match outputs to inputs without parsing
            Headers out = new RecordHeaders();
            SluiceHeaders.put(out, SluiceHeaders.EVENT_ID, event.eventId());
            context.forward(new Record<>(raw.key(), new ParseOutcome.Parsed(event), raw.receivedAt().toEpochMilli(), out));
        } catch (RuntimeException e) {
            if (!(e instanceof UnparseableLogException)) {
                log.warn("parser failed on {}: {}", raw.coordinates(), e.toString());
            }
            DeadLetterCode code = e instanceof UnparseableLogException unparseable ? unparseable.code() : DeadLetterCode.PARSER_ERROR;
            String reason = e instanceof UnparseableLogException ? e.getMessage() : "parser failed: " + e;
            byte[] original = line.isJoined() ? line.line().getBytes(StandardCharsets.UTF_8) : raw.value();
            reject(raw, original, headers, code, reason);
        }
    }

    /** What a held record's own headers said that matters downstream: its service and event id. */
    private static Headers headersOf(RawRecord raw) {
        Headers headers = new RecordHeaders();
        if (raw.serviceHeader() != null) {
            SluiceHeaders.put(headers, SluiceHeaders.SERVICE, raw.serviceHeader());
        }
        if (raw.eventIdHeader() != null) {
            SluiceHeaders.put(headers, SluiceHeaders.EVENT_ID, raw.eventIdHeader());
        }
        return headers;
    }

    private void reject(RawRecord raw, byte[] value, Headers headers, DeadLetterCode code, String reason) {
        meters.deadLettered(code);
        SluiceHeaders.putDeadLetter(headers, STAGE, code, reason, raw.topic(), raw.partition(), raw.offset());
        // the dead letter must fit the producer's limit itself; the untouched line stays at its coordinates
        byte[] original = value == null ? new byte[0] : DeadLetterRecords.fit(value, headers);
        context.forward(new Record<>(raw.key(), new ParseOutcome.Rejected(original), raw.receivedAt().toEpochMilli(), headers));
    }
}
