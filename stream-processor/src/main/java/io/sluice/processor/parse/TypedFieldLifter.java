package io.sluice.processor.parse;

import io.sluice.model.FieldType;
import io.sluice.model.TypedField;
import io.sluice.model.TypedFields;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves the labels that hold a typed ECS field's value out of the labels, whatever the format the line
 * came in: a grok capture, a JSON or logfmt key under its ECS name (nested or dotted, which labels spell
 * with underscores), or under the names the most used JSON layouts give them (logstash-logback-encoder's
 * {@code logger_name}/{@code thread_name}, pino's and bunyan's {@code pid}). {@code source.ip} is
 * {@code source.address} when that is an address. The event then checks each value against its type
 * and keeps one that does not fit as a flagged label.
 */
final class TypedFieldLifter {

    private static final Map<String, String> ALIASES = Map.of(
            "logger_name", "log.logger",
            "logger", "log.logger",
            "thread_name", "process.thread.name",
            "thread", "process.thread.name",
            "pid", "process.pid");

    private TypedFieldLifter() {
    }

    /** The typed fields found in the labels, which lose them. */
    static Map<String, Object> lift(Map<String, String> labels) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, String>> entries = labels.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, String> label = entries.next();
            TypedField field = TypedFields.ofLabel(label.getKey()).orElse(null);
            if (field != null) {
                fields.put(field.name(), label.getValue());
                entries.remove();
            }
        }
        ALIASES.forEach((alias, name) -> {
            String value = labels.get(alias);
            TypedField field = TypedFields.named(name).orElseThrow();
            if (value != null && !fields.containsKey(name) && field.type().coerce(value) != null) {
                fields.put(name, value);
                labels.remove(alias);
            }
        });
        Object address = fields.get("source.address");
        if (address != null && !fields.containsKey("source.ip") && FieldType.IP.coerce(address) != null) {
            fields.put("source.ip", address);
        }
        return fields;
    }
}
