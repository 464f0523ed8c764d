package io.sluice.model;

/** Labels Sluice itself puts on events, which users filter on ({@code labels.<name>} in Kibana and {@code ./sluice search}). */
public final class EventLabels {

    /**
     * {@code received} on an event whose line had no time Sluice could read: its {@code @timestamp} is when the line
     * reached Kafka — never silently "now".
     */
    public static final String TIME_SOURCE = "sluice_time_source";

    /**
     * The typed fields (comma-separated ECS names) whose value did not fit the field's type, e.g. a status code
     * of {@code "-"}: each value stays a label under the field's name with underscores.
     */
    public static final String UNTYPED_FIELDS = "sluice_untyped_fields";

    /**
     * What a service's contract (catalog {@code required}/{@code fields}, {@code enforce: flag}) found wrong with the
     * event: {@code missing order_id; latency_ms is not a long: 'fast'}.
     */
    public static final String SCHEMA_VIOLATION = "sluice_schema_violation";

    private EventLabels() {
    }
}
