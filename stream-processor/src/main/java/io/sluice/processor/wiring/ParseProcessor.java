package io.sluice.processor.wiring;

import io.sluice.processor.parse.RawLogParser;
import io.sluice.processor.parse.RawRecord;
import io.sluice.processor.parse.UnparseableLogException;
import io.sluice.topics.SluiceHeaders;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the parser on each raw record. A record it cannot parse — for a known reason or because the
 * parser itself failed — is forwarded as a rejection with dead-letter headers (stage, reason, origin);
 * the stream thread never dies for one record.
 */
final class ParseProcessor implements FixedKeyProcessor<String, byte[], ParseOutcome> {

    static final String STAGE = "stream-processor/parse";
    private static final Logger log = LoggerFactory.getLogger(ParseProcessor.class);

    private final RawLogParser parser;
    private FixedKeyProcessorContext<String, ParseOutcome> context;

    ParseProcessor(RawLogParser parser) {
        this.parser = parser;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ParseOutcome> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        RawRecord raw = new RawRecord(record.value(), record.key(),
                SluiceHeaders.text(record.headers(), SluiceHeaders.SERVICE),
                SluiceHeaders.text(record.headers(), SluiceHeaders.HOST),
                SluiceHeaders.text(record.headers(), SluiceHeaders.EVENT_ID),
                SluiceHeaders.attributes(record.headers()),
                Instant.ofEpochMilli(record.timestamp()), origin.topic(), origin.partition(), origin.offset());
        try {
            context.forward(record.withValue(new ParseOutcome.Parsed(parser.parse(raw))));
        } catch (UnparseableLogException e) {
            reject(record, raw, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("parser failed on {}: {}", raw.coordinates(), e.toString());
            reject(record, raw, "parser failed: " + e);
        }
    }

    private void reject(FixedKeyRecord<String, byte[]> record, RawRecord raw, String reason) {
        Headers headers = record.headers();
        SluiceHeaders.putDeadLetter(headers, STAGE, reason, raw.topic(), raw.partition(), raw.offset());
        context.forward(record.withValue(new ParseOutcome.Rejected(record.value() == null ? new byte[0] : record.value()))
                .withHeaders(headers));
    }
}
