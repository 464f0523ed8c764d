package io.sluice.processor.topology;

import io.micrometer.core.instrument.Counter;
import io.sluice.json.JsonSerde;
import io.sluice.metrics.SluiceMeters;
import io.sluice.model.CatalogEntry;
import io.sluice.model.LogEvent;
import io.sluice.multiline.ContinuationRule;
import io.sluice.processor.multiline.MultilineAssembler;
import io.sluice.processor.multiline.PendingLines;
import io.sluice.processor.parse.RawLogParser;
import io.sluice.redact.Redactor;
import io.sluice.topics.Topics;
import java.time.Duration;
import io.sluice.processor.enrich.LenientCatalogSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code logs.raw.v1} → decode → multi-line reassembly per source → parse → service catalog join and
 * contract → redact → {@code logs.enriched.v1} (keyed by service), or {@code logs.dlq.v1} with the reason in headers.
 * The only state is the pending multi-line events (in memory, changelogged) and the catalog (a global
 * table from the compacted catalog topic); exactly once comes from the {@code exactly_once_v2} config.
 */
public final class LogTopology {

    private LogTopology() {
    }

    public static KStream<String, byte[]> build(StreamsBuilder builder, RawLogParser parser, Redactor redactor,
            Duration multilineFlushTimeout, SluiceMeters meters) {
        return build(builder, parser, redactor, multilineFlushTimeout, meters, EventSizeLimit.DEFAULT);
    }

    public static KStream<String, byte[]> build(StreamsBuilder builder, RawLogParser parser, Redactor redactor,
            Duration multilineFlushTimeout, SluiceMeters meters, EventSizeLimit sizeLimit) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LineProcessor.PENDING_STORE),
                Serdes.String(), new JsonSerde<>(PendingLines.class)).withCachingEnabled());
        Serde<CatalogEntry> catalogEntries = LenientCatalogSerde.create();
        GlobalKTable<String, CatalogEntry> catalog = builder.globalTable(Topics.CATALOG.name(),
                Consumed.with(Topics.CATALOG.keySerde(), catalogEntries).withName("service-catalog-source"),
                Materialized.<String, CatalogEntry>as(Stores.inMemoryKeyValueStore("service-catalog"))
                        .withKeySerde(Topics.CATALOG.keySerde()).withValueSerde(catalogEntries));
        MultilineAssembler assembler = new MultilineAssembler(ContinuationRule.DEFAULT, parser.maxLineBytes());
        KStream<String, byte[]> raw = builder.stream(Topics.RAW.name(),
                Consumed.with(Topics.RAW.keySerde(), Topics.RAW.valueSerde()).withName("raw-logs"));
        raw.process(() -> new LineProcessor(parser, assembler, multilineFlushTimeout, meters, sizeLimit), Named.as("parse"),
                        LineProcessor.PENDING_STORE)
                .split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome instanceof ParseOutcome.Parsed,
                        Branched.withConsumer(parsed -> toEnriched(parsed, catalog, redactor, meters), "parsed"))
                .defaultBranch(Branched.withConsumer(rejected -> toDeadLetters(rejected, ""), "rejected"));
        return raw;
    }

    private static void toEnriched(KStream<String, ParseOutcome> parsed, GlobalKTable<String, CatalogEntry> catalog,
            Redactor redactor, SluiceMeters meters) {
        Counter enriched = meters.out("enriched");
        parsed.map((key, outcome) -> {
                    LogEvent event = ((ParseOutcome.Parsed) outcome).event();
                    return KeyValue.pair(event.service(), event);
                }, Named.as("key-by-service"))
                .leftJoin(catalog, (service, event) -> service, ContractProcessor.Cataloged::new, Named.as("join-catalog"))
                .processValues(() -> new ContractProcessor(redactor, meters), Named.as("contract"))
                .split(Named.as("contract-"))
                .branch((service, outcome) -> outcome instanceof ParseOutcome.Parsed,
                        Branched.withConsumer(kept -> kept
                                .mapValues(outcome -> ((ParseOutcome.Parsed) outcome).event(), Named.as("kept-event"))
                                .peek((service, event) -> enriched.increment(), Named.as("count-enriched"))
                                .to(Topics.ENRICHED.name(), Produced.with(Topics.ENRICHED.keySerde(), Topics.ENRICHED.valueSerde())
                                        .withName("enriched-logs")), "kept"))
                .defaultBranch(Branched.withConsumer(broken -> toDeadLetters(broken, "contract-"), "broken"));
    }

    private static void toDeadLetters(KStream<String, ParseOutcome> rejected, String namePrefix) {
        rejected.mapValues(outcome -> ((ParseOutcome.Rejected) outcome).original(), Named.as(namePrefix + "original-bytes"))
                .to(Topics.DLQ.name(), Produced.with(Topics.DLQ.keySerde(), Topics.DLQ.valueSerde())
                        .withName(namePrefix + "dead-letters"));
    }
}
