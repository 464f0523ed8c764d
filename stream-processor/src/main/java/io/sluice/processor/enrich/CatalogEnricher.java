package io.sluice.processor.enrich;

import io.sluice.model.CatalogEntry;
import io.sluice.model.LogEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts what the service catalog says about an event's service on the event, as labels
 * ({@code team}, {@code owner}, {@code slack_channel}, {@code tier}). The catalog is authoritative: its
 * values replace labels of the same name the line carried. An event without a trace id takes the value of
 * the first of the service's {@code trace_id_fields} it carries (a label, named as labels are: dots as
 * underscores), which leaves the labels.
 */
public final class CatalogEnricher {

    private CatalogEnricher() {
    }

    public static LogEvent enrich(LogEvent event, CatalogEntry entry) {
        if (entry == null) {
            return event;
        }
        Map<String, String> labels = new LinkedHashMap<>(event.labels());
        put(labels, "team", entry.team());
        put(labels, "owner", entry.owner());
        put(labels, "slack_channel", entry.slackChannel());
        put(labels, "tier", entry.tier());
        if (event.traceId() == null) {
            for (String field : entry.traceIdFields()) {
                String value = labels.get(field.replace('.', '_'));
                if (value != null && !value.isBlank()) {
                    labels.remove(field.replace('.', '_'));
                    return event.withTraceId(value, labels);
                }
            }
        }
        return event.withLabels(labels);
    }

    private static void put(Map<String, String> labels, String name, String value) {
        if (value != null && !value.isBlank()) {
            labels.put(name, value);
        }
    }
}
