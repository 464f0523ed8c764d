package io.sluice.metrics;

import io.micrometer.core.instrument.Counter;
import io.sluice.topics.DeadLetterCode;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counters every stage keeps, under one naming scheme (Prometheus names in brackets):
 * events taken in ({@code sluice_events_in_total{stage}}), events handed on
 * ({@code sluice_events_out_total{stage,outcome}}), events refused to their sender
 * ({@code sluice_events_refused_total{stage,reason}}), records dead-lettered
 * ({@code sluice_dlq_records_total{stage,reason}}, reason a {@link DeadLetterCode} label) and
 * retries ({@code sluice_retries_total{stage,cause}}). The operating guide lists them all.
 */
public final class SluiceMeters {

    public static final String EVENTS_IN = "sluice.events.in";
    public static final String EVENTS_OUT = "sluice.events.out";
    public static final String EVENTS_REFUSED = "sluice.events.refused";
    public static final String DLQ_RECORDS = "sluice.dlq.records";
    public static final String RETRIES = "sluice.retries";
    public static final String CONSUMER_LAG = "sluice.consumer.lag";
    public static final String EVENTS_UNTIMED = "sluice.events.untimed";

    private final MeterRegistry registry;
    private final String stage;
    private final Counter in;

    public SluiceMeters(MeterRegistry registry, String stage) {
        this.registry = registry;
        this.stage = stage;
        this.in = Counter.builder(EVENTS_IN).description("events this stage took in").tag("stage", stage).register(registry);
    }

    public void in(long events) {
        in.increment(events);
    }

    /** Events handed on; {@code outcome} says where, e.g. {@code published}, {@code indexed}, {@code duplicate}. */
    public Counter out(String outcome) {
        return Counter.builder(EVENTS_OUT).description("events this stage handed on, by outcome")
                .tags("stage", stage, "outcome", outcome).register(registry);
    }

    /** Records dead-lettered; the series carries the code, never the sentence. */
    public void deadLettered(DeadLetterCode code) {
        Counter.builder(DLQ_RECORDS).description("records this stage wrote to the dead-letter topic, by reason")
                .tags("stage", stage, "reason", code.label()).register(registry).increment();
    }

    /** Events refused to their sender (answered with the reason, not dead-lettered), by code. */
    public void refused(DeadLetterCode code) {
        Counter.builder(EVENTS_REFUSED).description("events this stage refused to their sender, by reason")
                .tags("stage", stage, "reason", code.label()).register(registry).increment();
    }

    /** An event whose line had no readable time (stamped with its reception), counted per service. */
    public void untimed(String service) {
        Counter.builder(EVENTS_UNTIMED).description("events whose line had no readable time, stamped when received, by service")
                .tags("stage", stage, "service", service).register(registry).increment();
    }

    /** Retries of one cause; registered at zero up front so a dashboard sees the series before the first retry. */
    public Counter retries(String cause) {
        return Counter.builder(RETRIES).description("attempts this stage made again, by cause")
                .tags("stage", stage, "cause", cause).register(registry);
    }
}
