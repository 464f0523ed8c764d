package io.sluice.cli.search;

import io.sluice.cli.TerminalText;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** One trace as terminal lines: a summary, then each event with its offset from the first, oldest first. */
public final class TraceView {

    private TraceView() {
    }

    public static List<String> lines(String traceId, List<JsonNode> events, long total) {
        List<String> lines = new ArrayList<>();
        if (events.isEmpty()) {
            return lines;
        }
        Instant first = Instant.parse(events.get(0).path("@timestamp").asString());
        Instant last = Instant.parse(events.get(events.size() - 1).path("@timestamp").asString());
        Set<String> services = new LinkedHashSet<>();
        events.forEach(event -> services.add(event.path("service.name").asString("-")));
        lines.add("trace " + TerminalText.escape(traceId) + ": " + total + " events, " + services.size() + " services ("
                + TerminalText.escape(String.join(", ", services)) + "), " + seconds(Duration.between(first, last)) + " from first to last"
                + (total > events.size() ? "; the first " + events.size() + " shown (--limit)" : ""));
        int width = services.stream().mapToInt(String::length).max().orElse(8);
        for (JsonNode event : events) {
            Duration offset = Duration.between(first, Instant.parse(event.path("@timestamp").asString()));
            lines.add(String.join("  ",
                    Bars.padLeft("+" + seconds(offset), 10),
                    Bars.padRight(TerminalText.escape(event.path("service.name").asString("-")), Math.min(width, 24)),
                    Bars.padRight(TerminalText.escape(event.path("span.id").asString("-")), 16),
                    Bars.padRight(TerminalText.escape(event.path("log.level").asString("-")), 5),
                    TerminalText.escapeKeepingLines(event.path("message").asString(""), " ".repeat(12))));
        }
        return lines;
    }

    /** A duration in seconds with millisecond precision: {@code 0.012s}. */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).toPlainString() + "s";
    }
}
