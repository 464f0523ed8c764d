package io.sluice.processor.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text formats Sluice recognizes out of the box, each a grok expression from Elasticsearch's pattern
 * bank or Sluice's own patterns, in the order automatic detection tries them, plus per-service formats
 * built from the grok expressions a user configures.
 */
public final class TextFormats {

    private static final String TIMESTAMP_START = "^[0-9][0-9:.,T+\\-Z ]{7,34}";

    private final GrokPatterns patterns;
    private final Map<String, GrokFormat> builtIn = new LinkedHashMap<>();

    public TextFormats(GrokPatterns patterns) {
        this.patterns = patterns;
        add("spring-boot", "^\\d{4}-\\d{2}-\\d{2}[T ]\\S+\\s+[A-Za-z]+\\s+\\d+ --- ", "%{SPRING_BOOT_LOG}");
        add("access", "^\\S+ \\S+ \\S+ \\[\\d{2}/", "%{ACCESS_LOG}");
        add("apache-error", "^\\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ", "%{APACHE_ERROR_LOG}");
        add("syslog-file", "^[A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} ", "%{SYSLOG_FILE_LOG}");
        add("rsyslog-file", "^\\d{4}-\\d{2}-\\d{2}T\\S+ \\S+ [^\\s:\\[]+(?:\\[\\d+\\])?: ", "%{RSYSLOG_FILE_LOG}");
        add("zap", "^\\d{4}-\\d{2}-\\d{2}T[^\\t ]+\\t", "%{ZAP_CONSOLE_LOG}");
        add("logrus-text", "^[A-Z]{4}\\[\\d+\\] ", "%{LOGRUS_TEXT_LOG}");
        add("python-basic", "^(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):", "%{PYTHON_BASIC_LOG}");
        add("python", "^\\d{4}-\\d{2}-\\d{2} [\\d:,.]+ - ", "%{PYTHON_LOG}");
        add("logback", TIMESTAMP_START + "\\[", "%{LOGBACK_LOG}");
        add("log4j", TIMESTAMP_START + "[A-Za-z]{4,5}\\s", "%{LOG4J_LOG}");
    }

    private void add(String name, String guard, String expression) {
        builtIn.put(name, new GrokFormat(name, Pattern.compile(guard), List.of(patterns.compile(expression))));
    }

    /** The names a service can choose as its format, besides auto, json, logfmt, plain and grok. */
    public List<String> names() {
        return List.copyOf(builtIn.keySet());
    }

    Optional<GrokFormat> named(String name) {
        return Optional.ofNullable(builtIn.get(name));
    }

    /** Built-in formats in detection order. */
    Iterable<GrokFormat> detectionOrder() {
        return Collections.unmodifiableCollection(builtIn.values());
    }

    /** A service's own format: its grok expressions, tried in order, on the whole content (no guard). */
    GrokFormat custom(String name, List<String> expressions) {
        if (expressions.isEmpty()) {
            throw new IllegalArgumentException("format 'grok' for '" + name + "' needs at least one grok expression");
        }
        List<org.elasticsearch.grok.Grok> compiled = new ArrayList<>();
        for (String expression : expressions) {
            compiled.add(patterns.compile(expression));
        }
        return new GrokFormat("grok:" + name, null, compiled);
    }
}
