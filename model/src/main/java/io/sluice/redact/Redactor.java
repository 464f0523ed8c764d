package io.sluice.redact;

import io.sluice.model.LogEvent;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Removes personal data and secrets from an event before it is stored anywhere: in the message,
 * {@code event.original}, the error message and stack trace, and label values. What was redacted is
 * recorded (rule names only) in {@code labels.sluice_redacted}, so an operator can see that and why
 * text is missing.
 */
public final class Redactor {

    public static final String REDACTED_LABEL = "sluice_redacted";

    private final Set<RedactionRule> rules;

    public Redactor(Set<RedactionRule> rules) {
        this.rules = rules.isEmpty() ? EnumSet.noneOf(RedactionRule.class) : EnumSet.copyOf(rules);
    }

    public LogEvent redact(LogEvent event) {
        if (rules.isEmpty()) {
            return event;
        }
        Set<String> applied = new TreeSet<>();
        String message = apply(event.message(), applied);
        String original = apply(event.original(), applied);
        String errorMessage = apply(event.errorMessage(), applied);
        String stackTrace = apply(event.errorStackTrace(), applied);
        Map<String, String> labels = new LinkedHashMap<>();
        event.labels().forEach((name, value) -> labels.put(name, apply(value, applied)));
        Map<String, Object> fields = new LinkedHashMap<>();
        event.fields().forEach((name, value) -> fields.put(name, value instanceof String text ? apply(text, applied) : value));
        if (applied.isEmpty()) {
            return event;
        }
        labels.put(REDACTED_LABEL, String.join(",", applied));
        return new LogEvent(event.timestamp(), message, event.level(), event.service(), event.host(), event.traceId(),
                event.spanId(), event.eventId(), event.ingested(), original, labels, event.errorType(), errorMessage,
                stackTrace, event.errorFingerprint(), fields);
    }

    /** A text with what the rules found replaced, and the names of the rules that found something (empty: unchanged). */
    public record RedactedText(String text, Set<String> applied) {
    }

    /** Redacts one text the way {@link #redact(LogEvent)} redacts each field: for records that are not events yet. */
    public RedactedText redact(String text) {
        Set<String> applied = new TreeSet<>();
        String result = rules.isEmpty() ? text : apply(text, applied);
        return new RedactedText(result, Set.copyOf(applied));
    }

    private String apply(String text, Set<String> applied) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Set<RedactionRule> candidates = RedactionRule.candidates(text, rules);
        if (candidates.isEmpty()) {
            return text;
        }
        String result = text;
        for (RedactionRule rule : candidates) {
            Matcher matcher = rule.pattern().matcher(result);
            StringBuilder out = null;
            while (matcher.find()) {
                String replacement = rule.replacement(matcher);
                if (replacement == null) {
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(result.length());
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
                applied.add(rule.label());
            }
            if (out != null) {
                matcher.appendTail(out);
                result = out.toString();
            }
        }
        return result;
    }
}
