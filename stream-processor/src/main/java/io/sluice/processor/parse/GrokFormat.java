package io.sluice.processor.parse;

import io.sluice.topics.DeadLetterCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.elasticsearch.grok.Grok;

/**
 * A named line format read by one or more grok expressions, tried in order. The guard, when there is
 * one, is a cheap test on the start of the line that rules the format out before any grok runs.
 */
final class GrokFormat {

    private final String name;
    private final Pattern guard;
    private final List<Grok> expressions;

    GrokFormat(String name, Pattern guard, List<Grok> expressions) {
        this.name = name;
        this.guard = guard;
        this.expressions = List.copyOf(expressions);
    }

    String name() {
        return name;
    }

    /** The captures of the first expression that matches; empty when none does. */
    Optional<Map<String, Object>> match(String content) {
        if (guard != null && !guard.matcher(content).lookingAt()) {
            return Optional.empty();
        }
        for (Grok grok : expressions) {
            Map<String, Object> captures;
            try {
                captures = grok.captures(content);
            } catch (RuntimeException e) {
                // the watchdog interrupted a runaway match
                throw new UnparseableLogException(DeadLetterCode.GROK_FAILED, "grok format '" + name + "' failed: " + e.getMessage());
            }
            if (captures != null) {
                return Optional.of(captures);
            }
        }
        return Optional.empty();
    }
}
