package io.sluice.alerting.rules;

import io.sluice.model.LogEvent;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which events a rule looks at: any of {@code levels}, any of {@code services}, a message containing
 * {@code contains} (case-sensitive) or matching {@code regex}, and fields equal to values. Empty parts
 * match everything.
 */
public record EventMatcher(Set<String> levels, Set<String> services, String contains, Pattern regex, Map<String, String> fields) {

    public static final EventMatcher ALL = new EventMatcher(Set.of(), Set.of(), null, null, Map.of());

    public EventMatcher {
        levels = Set.copyOf(levels);
        services = Set.copyOf(services);
        fields = Map.copyOf(fields);
    }

    public boolean matches(LogEvent event) {
        if (!levels.isEmpty() && (event.level() == null || !levels.contains(event.level().toUpperCase(Locale.ROOT)))) {
            return false;
        }
        if (!services.isEmpty() && !services.contains(event.service())) {
            return false;
        }
        String message = event.message() == null ? "" : event.message();
        if (contains != null && !message.contains(contains) && !contains(event.errorStackTrace(), contains)) {
            return false;
        }
        if (regex != null && !regex.matcher(message).find()) {
            return false;
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!field.getValue().equals(EventFields.value(event, field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(String text, String part) {
        return text != null && text.contains(part);
    }

    /** The same selection as a Kibana (KQL) query, for the link in an alert. */
    public String kql() {
        StringBuilder query = new StringBuilder();
        if (!levels.isEmpty()) {
            and(query, "log.level:(" + String.join(" or ", levels.stream().sorted().map(EventMatcher::quote).toList()) + ")");
        }
        if (!services.isEmpty()) {
            and(query, "service.name:(" + String.join(" or ", services.stream().sorted().map(EventMatcher::quote).toList()) + ")");
        }
        if (contains != null) {
            and(query, "message:" + quote(contains));
        }
        fields.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(field -> and(query, field.getKey() + ":" + quote(field.getValue())));
        return query.toString();
    }

    static void and(StringBuilder query, String clause) {
        if (!query.isEmpty()) {
            query.append(" and ");
        }
        query.append(clause);
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
