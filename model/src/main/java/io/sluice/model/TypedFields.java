package io.sluice.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Elastic Common Schema fields Sluice types beyond the core event fields: what access logs,
 * application logs and syslog carry. The index template maps each with its type
 * ({@code IndexTemplateTest} checks they agree), so Kibana and queries can chart a status code, sum
 * bytes, take percentiles of a duration or match an address range.
 */
public final class TypedFields {

    public static final List<TypedField> ECS = List.of(
            keyword("http.request.method"),
            keyword("http.request.referrer"),
            keyword("http.version"),
            number("http.response.status_code"),
            number("http.response.body.bytes"),
            keyword("url.original"),
            keyword("source.address"),
            new TypedField("source.ip", FieldType.IP),
            keyword("user.name"),
            keyword("user_agent.original"),
            number("event.duration"),
            keyword("log.logger"),
            keyword("log.origin.file.name"),
            number("log.origin.file.line"),
            keyword("process.name"),
            number("process.pid"),
            keyword("process.thread.name"),
            number("log.syslog.priority"),
            number("log.syslog.facility.code"),
            keyword("log.syslog.facility.name"),
            number("log.syslog.severity.code"),
            keyword("log.syslog.severity.name"),
            keyword("log.syslog.appname"),
            keyword("log.syslog.hostname"),
            keyword("log.syslog.procid"),
            keyword("log.syslog.msgid"));

    private static final Map<String, TypedField> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, TypedField> BY_LABEL = new LinkedHashMap<>();

    static {
        for (TypedField field : ECS) {
            BY_NAME.put(field.name(), field);
            BY_LABEL.put(field.labelName(), field);
        }
    }

    private TypedFields() {
    }

    /** Where a service's own numeric fields go: {@code numeric_labels.<name>}, mapped {@code double} (as Elastic APM does). */
    public static final String NUMERIC_LABELS = "numeric_labels.";
    /** Where a service's own address fields go: {@code ip_labels.<name>}, mapped {@code ip}. */
    public static final String IP_LABELS = "ip_labels.";

    /** An ECS field Sluice types, or a service's own typed field ({@code numeric_labels.*}, {@code ip_labels.*}). */
    public static Optional<TypedField> named(String name) {
        TypedField ecs = BY_NAME.get(name);
        if (ecs != null) {
            return Optional.of(ecs);
        }
        if (name.startsWith(NUMERIC_LABELS) && ServiceField.validName(name.substring(NUMERIC_LABELS.length()))) {
            return Optional.of(new TypedField(name, FieldType.DOUBLE));
        }
        if (name.startsWith(IP_LABELS) && ServiceField.validName(name.substring(IP_LABELS.length()))) {
            return Optional.of(new TypedField(name, FieldType.IP));
        }
        return Optional.empty();
    }

    /** The typed field a label of this name holds the value of ({@code http_response_status_code}), if any. */
    public static Optional<TypedField> ofLabel(String label) {
        return Optional.ofNullable(BY_LABEL.get(label));
    }

    private static TypedField keyword(String name) {
        return new TypedField(name, FieldType.KEYWORD);
    }

    private static TypedField number(String name) {
        return new TypedField(name, FieldType.LONG);
    }
}
