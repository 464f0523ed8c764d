package io.sluice.processor.topology;

import io.micrometer.core.instrument.Counter;
import io.sluice.metrics.SluiceMeters;
import io.sluice.model.CatalogEntry;
import io.sluice.model.LogEvent;
import io.sluice.model.ServiceSchema;
import io.sluice.processor.enrich.CatalogEnricher;
import io.sluice.processor.enrich.SchemaCheck;
import io.sluice.redact.Redactor;
import io.sluice.topics.DeadLetterCode;
import io.sluice.topics.DeadLetterRecords;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event with its service's catalog entry → the event as the catalog makes it (owners, trace id), its
 * contract applied ({@link SchemaCheck}), personal data redacted; or, when the contract says {@code
 * dead-letter} and the event breaks it, the redacted event as a dead letter with code {@code schema} and the
 * fields named. A catalog entry's own mistakes are logged once per entry, never a reason to stop.
 */
final class ContractProcessor implements FixedKeyProcessor<String, ContractProcessor.Cataloged, ParseOutcome> {

    static final String STAGE = "stream-processor/contract";
    private static final Logger log = LoggerFactory.getLogger(ContractProcessor.class);
    private static final int MAX_REPORTED = 1_000;

    /** An event and its service's catalog entry (null when the catalog has none). */
    record Cataloged(LogEvent event, CatalogEntry entry) {
    }

    private final Redactor redactor;
    private final SluiceMeters meters;
    private final Map<CatalogEntry, Boolean> reported = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CatalogEntry, Boolean> eldest) {
            return size() > MAX_REPORTED;
        }
    });
    private FixedKeyProcessorContext<String, ParseOutcome> context;
    private Counter violations;

    ContractProcessor(Redactor redactor, SluiceMeters meters) {
        this.redactor = redactor;
        this.meters = meters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ParseOutcome> context) {
        this.context = context;
        this.violations = meters.out("schema_violation");
    }

    @Override
    public void process(FixedKeyRecord<String, Cataloged> record) {
        CatalogEntry entry = record.value().entry();
        ServiceSchema schema = ServiceSchema.of(entry);
        if (!schema.problems().isEmpty() && reported.put(entry, Boolean.TRUE) == null) {
            log.warn("catalog entry of {} has mistakes, left out: {}", record.key(), schema.problems());
        }
        SchemaCheck.Checked checked = SchemaCheck.apply(CatalogEnricher.enrich(record.value().event(), entry), schema);
        LogEvent event = redactor.redact(checked.event());
        if (!checked.violations().isEmpty()) {
            violations.increment();
        }
        if (!checked.deadLetter()) {
            context.forward(record.withValue(new ParseOutcome.Parsed(event)));
            return;
        }
        meters.deadLettered(DeadLetterCode.SCHEMA);
        Headers headers = new RecordHeaders(record.headers().toArray());
        Optional<RecordMetadata> origin = context.recordMetadata();
        SluiceHeaders.putDeadLetter(headers, STAGE, DeadLetterCode.SCHEMA, checked.reason(),
                origin.map(RecordMetadata::topic).orElse(Topics.RAW.name()), origin.map(RecordMetadata::partition).orElse(-1),
                origin.map(RecordMetadata::offset).orElse(-1L));
        byte[] value = DeadLetterRecords.fit(Topics.ENRICHED.valueSerde().serializer().serialize(Topics.DLQ.name(), event), headers);
        context.forward(record.withValue((ParseOutcome) new ParseOutcome.Rejected(value)).withHeaders(headers));
    }
}
