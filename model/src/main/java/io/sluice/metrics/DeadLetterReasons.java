package io.sluice.metrics;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The category of a dead-letter reason: the {@code sluice.dlq.reason} header is a sentence for a
 * person ("malformed JSON: Unexpected end-of-input at …"); metrics and {@code ./sluice status} group
 * by a short, bounded code instead ({@code malformed_json}). Elasticsearch refusals keep the error
 * type Elasticsearch gave ({@code es_document_parsing_exception}); anything unknown is {@code other}.
 */
public final class DeadLetterReasons {

    private static final Pattern ELASTICSEARCH = Pattern.compile("^elasticsearch refused \\S+: \\d{3} ([a-z0-9_]{1,60}):");
    private static final List<Category> CATEGORIES = List.of(
            new Category("malformed JSON", "malformed_json"),
            new Category("a line starting with '{'", "malformed_json"),
            new Category("JSON nested deeper", "too_deep"),
            new Category("exceeds the limit", "too_large"),
            new Category("the limit is", "too_large"),
            new Category("empty record", "empty"),
            new Category("blank record", "empty"),
            new Category("grok format", "grok_failed"),
            new Category("parser failed", "parser_error"),
            new Category("not a valid event", "invalid_event"),
            new Category("not a valid alert", "invalid_alert"),
            new Category("not a log event", "not_an_event"),
            new Category("over the producer limit", "too_large"),
            new Category("older than the retention", "past_retention"));

    private DeadLetterReasons() {
    }

    public static String category(String reason) {
        if (reason == null || reason.isBlank()) {
            return "unknown";
        }
        Matcher elasticsearch = ELASTICSEARCH.matcher(reason);
        if (elasticsearch.find()) {
            return "es_" + elasticsearch.group(1).toLowerCase(Locale.ROOT);
        }
        for (Category category : CATEGORIES) {
            if (reason.contains(category.marker())) {
                return category.code();
            }
        }
        return "other";
    }

    private record Category(String marker, String code) {
    }
}
