package io.sluice.processor.enrich;

import io.sluice.model.EventLabels;
import io.sluice.model.LogEvent;
import io.sluice.model.ServiceField;
import io.sluice.model.ServiceSchema;
import io.sluice.model.TypedFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a service's contract to one of its events: each declared field that carries a value fitting its type
 * leaves the labels for its typed home ({@code numeric_labels.*}, {@code ip_labels.*}); one that does not fit
 * stays a label and is named in {@code labels.sluice_untyped_fields}; a required field the event lacks is a
 * violation, and so is a misfit. What violations cost is the schema's {@code enforce}: the event is flagged
 * ({@code labels.sluice_schema_violation}) or {@link Checked#deadLetter() dead-lettered}.
 */
public final class SchemaCheck {

    private static final int MAX_VALUE_SHOWN = 40;

    private SchemaCheck() {
    }

    /** The event as its contract makes it, the violations found (empty: none), and whether it goes to the DLQ. */
    public record Checked(LogEvent event, List<String> violations, boolean deadLetter) {

        public String reason() {
            return "schema: " + String.join("; ", violations);
        }
    }

    public static Checked apply(LogEvent event, ServiceSchema schema) {
        if (schema.fields().isEmpty() && schema.required().isEmpty()) {
            return new Checked(event, List.of(), false);
        }
        Map<String, String> labels = new LinkedHashMap<>(event.labels());
        Map<String, Object> fields = new LinkedHashMap<>(event.fields());
        List<String> violations = new ArrayList<>();
        Set<String> untyped = new TreeSet<>();
        for (ServiceField field : schema.fields()) {
            String label = ServiceField.labelOf(field.name());
            String value = labels.get(label);
            if (value == null || field.typedName() == null) {
                continue;
            }
            Object typed = field.type().coerce(value);
            if (typed != null) {
                labels.remove(label);
                fields.put(field.typedName(), typed);
            } else {
                untyped.add(field.name());
                violations.add(field.name() + " is not a " + field.type().mapping() + ": '" + shown(value) + "'");
            }
        }
        for (String required : schema.required()) {
            if (!present(required, event, labels, fields, schema)) {
                violations.add("missing " + required);
            }
        }
        if (!untyped.isEmpty()) {
            String earlier = labels.get(EventLabels.UNTYPED_FIELDS);
            if (earlier != null) {
                untyped.addAll(List.of(earlier.split(",")));
            }
            labels.put(EventLabels.UNTYPED_FIELDS, String.join(",", untyped));
        }
        boolean deadLetter = !violations.isEmpty() && schema.enforce() == ServiceSchema.Enforcement.DEAD_LETTER;
        if (!violations.isEmpty() && !deadLetter) {
            labels.put(EventLabels.SCHEMA_VIOLATION, String.join("; ", violations));
        }
        return new Checked(event.withFields(labels, fields), List.copyOf(violations), deadLetter);
    }

    private static boolean present(String name, LogEvent event, Map<String, String> labels, Map<String, Object> fields,
            ServiceSchema schema) {
        if (labels.containsKey(ServiceField.labelOf(name)) || fields.containsKey(name)) {
            return true;
        }
        for (ServiceField field : schema.fields()) {
            if (field.name().equals(name) && field.typedName() != null && fields.containsKey(field.typedName())) {
                return true;
            }
        }
        return switch (name) {
            case "message" -> !event.message().isEmpty();
            case "log.level" -> event.level() != null;
            case "host.name" -> event.host() != null;
            case "trace.id" -> event.traceId() != null;
            case "span.id" -> event.spanId() != null;
            case "error.type" -> event.errorType() != null;
            default -> TypedFields.named(name).isPresent() && fields.containsKey(name);
        };
    }

    private static String shown(String value) {
        return value.length() <= MAX_VALUE_SHOWN ? value : value.substring(0, MAX_VALUE_SHOWN) + "…";
    }
}
