package io.sluice.processor.wiring;

import io.sluice.model.LogEvent;
import io.sluice.processor.parse.RawLogParser;
import io.sluice.processor.redact.Redactor;
import io.sluice.topics.Topics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * {@code logs.raw.v1} → parse → redact → {@code logs.enriched.v1} (keyed by service), or {@code logs.dlq.v1}
 * with the reason in headers. Stateless; exactly once comes from the {@code exactly_once_v2} config.
 */
public final class LogTopology {

    private LogTopology() {
    }

    public static KStream<String, byte[]> build(StreamsBuilder builder, RawLogParser parser, Redactor redactor) {
        KStream<String, byte[]> raw = builder.stream(Topics.RAW.name(),
                Consumed.with(Topics.RAW.keySerde(), Topics.RAW.valueSerde()).withName("raw-logs"));
        raw.processValues(() -> new ParseProcessor(parser), Named.as("parse"))
                .split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome instanceof ParseOutcome.Parsed,
                        Branched.withConsumer(parsed -> toEnriched(parsed, redactor), "parsed"))
                .defaultBranch(Branched.withConsumer(LogTopology::toDeadLetters, "rejected"));
        return raw;
    }

    private static void toEnriched(KStream<String, ParseOutcome> parsed, Redactor redactor) {
        parsed.map((key, outcome) -> {
                    LogEvent event = ((ParseOutcome.Parsed) outcome).event();
                    return KeyValue.pair(event.service(), event);
                }, Named.as("key-by-service"))
                .mapValues(redactor::redact, Named.as("redact"))
                .to(Topics.ENRICHED.name(), Produced.with(Topics.ENRICHED.keySerde(), Topics.ENRICHED.valueSerde())
                        .withName("enriched-logs"));
    }

    private static void toDeadLetters(KStream<String, ParseOutcome> rejected) {
        rejected.mapValues(outcome -> ((ParseOutcome.Rejected) outcome).original(), Named.as("original-bytes"))
                .to(Topics.DLQ.name(), Produced.with(Topics.DLQ.keySerde(), Topics.DLQ.valueSerde())
                        .withName("dead-letters"));
    }
}
