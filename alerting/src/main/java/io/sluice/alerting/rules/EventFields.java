package io.sluice.alerting.rules;

import io.sluice.model.LogEvent;
import io.sluice.model.TypedFields;
import java.util.Set;

/**
 * The event fields a rule can group by or compare, by their ECS names: the core ones, the {@link TypedFields typed
 * ECS fields} ({@code http.response.status_code}, {@code source.ip}…, compared as text), {@code labels.<key>} for labels.
 */
public final class EventFields {

    static final Set<String> NAMES = Set.of("service.name", "host.name", "log.level", "error.type", "error.fingerprint",
            "trace.id");

    private EventFields() {
    }

    public static boolean known(String name) {
        return NAMES.contains(name) || TypedFields.named(name).isPresent() || (name.startsWith("labels.") && name.length() > "labels.".length());
    }

    /** The field's value, or null when the event has none. */
    public static String value(LogEvent event, String name) {
        return switch (name) {
            case "service.name" -> event.service();
            case "host.name" -> event.host();
            case "log.level" -> event.level();
            case "error.type" -> event.errorType();
            case "error.fingerprint" -> event.errorFingerprint();
            case "trace.id" -> event.traceId();
            default -> name.startsWith("labels.") ? event.labels().get(name.substring(7)) : typed(event, name);
        };
    }

    private static String typed(LogEvent event, String name) {
        Object value = event.fields().get(name);
        return value == null ? null : value.toString();
    }
}
