package io.sluice.cli;

import io.sluice.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./sluice search} asks Elasticsearch: a time range back from now, optionally one service and one
 * level, and a query — plain words in the message (every one of them, as before), or a query in the Lucene
 * syntax Kibana users type ({@code service.name:checkout AND http.response.status_code:>=500 AND NOT
 * message:"health check"}, wildcards, ranges, {@code labels.*}) handed to Elasticsearch's own {@code
 * query_string} parser, never parsed here. Newest first, at most {@code limit} hits.
 */
record LogQuery(String text, Instant from, String service, String level, int limit) {

    private static final Pattern SINCE = Pattern.compile("(\\d+)([smhd])");
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");
    /**
     * A {@code field:} term — a dotted field name ({@code http.response.status_code:}, {@code labels.region:}) or
     * {@code message:}/{@code @timestamp:}, followed by its value (so a copied "java.io.IOException: reset" stays words)
     * — or a boolean
     * operator: what makes the text a field query rather than words.
     */
    private static final Pattern FIELD_SYNTAX = Pattern.compile(
            "(?:^|[\\s(])(?:[A-Za-z_@*][\\w@*-]*(?:\\.[\\w@*-]+)+|message|@timestamp):(?=\\S)|(?:^|\\s)(?:AND|OR|NOT)\\s");

    LogQuery {
        if (limit < 1 || limit > 10_000) {
            throw new CliArgs.UsageException("--limit must be between 1 and 10000");
        }
    }

    static LogQuery from(CliArgs args, Instant now) {
        return from(args, now, "15m");
    }

    /** The query the arguments ask for; {@code --since} defaults to {@code defaultSince}. */
    static LogQuery from(CliArgs args, Instant now, String defaultSince) {
        String text = String.join(" ", args.positional());
        Instant from = now.minus(parseSince(args.option("since", defaultSince)));
        String level = args.options().get("level");
        int limit;
        try {
            limit = Integer.parseInt(args.option("limit", "50"));
        } catch (NumberFormatException e) {
            throw new CliArgs.UsageException("--limit must be a number");
        }
        return new LogQuery(text, from, args.options().get("service"),
                level == null ? null : level.toUpperCase(Locale.ROOT), limit);
    }

    static Duration parseSince(String since) {
        Matcher matcher = SINCE.matcher(since.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new CliArgs.UsageException("'" + since + "' is not a number and a unit: use s, m, h or d, like 15m");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /**
     * The same filters applied to one event outside Elasticsearch ({@code ./sluice tail}): service and
     * level exactly, and every word of the text among the message's words, case-insensitively — words
     * split as Elasticsearch's standard analyzer splits them, at anything not a letter or digit.
     */
    boolean matches(String eventService, String eventLevel, String message) {
        if (service != null && !service.equals(eventService)) {
            return false;
        }
        if (level != null && !level.equalsIgnoreCase(eventLevel)) {
            return false;
        }
        List<String> wanted = words(text);
        return wanted.isEmpty() || words(message).containsAll(wanted);
    }

    private static List<String> words(String text) {
        return text == null ? List.of() : java.util.Arrays.stream(WORD_BREAK.split(text.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty()).toList();
    }

    /** Whether the text is a field query (Lucene syntax) rather than plain words of the message. */
    boolean isFieldQuery() {
        return FIELD_SYNTAX.matcher(text).find();
    }

    /** The matching logs, newest first. */
    String toJson() {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("size", limit);
        body.put("sort", List.of(Map.of("@timestamp", "desc")));
        body.put("query", query());
        return Json.MAPPER.writeValueAsString(body);
    }

    /** No hits, only the aggregations given (counts, histogram, statistics) over the matching logs. */
    String toJson(Map<String, Object> aggregations) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("size", 0);
        body.put("track_total_hits", true);
        body.put("query", query());
        body.put("aggs", aggregations);
        return Json.MAPPER.writeValueAsString(body);
    }

    private Map<String, Object> query() {
        List<Object> filters = new ArrayList<>();
        filters.add(Map.of("range", Map.of("@timestamp", Map.of("gte", from.toString()))));
        if (service != null) {
            filters.add(Map.of("term", Map.of("service.name", service)));
        }
        if (level != null) {
            filters.add(Map.of("term", Map.of("log.level", level)));
        }
        Map<String, Object> bool = new java.util.LinkedHashMap<>();
        bool.put("filter", filters);
        if (isFieldQuery()) {
            bool.put("must", List.of(Map.of("query_string", Map.of("query", text, "default_field", "message",
                    "default_operator", "and", "analyze_wildcard", true))));
        } else if (!text.isBlank()) {
            bool.put("must", List.of(Map.of("simple_query_string",
                    Map.of("query", text, "fields", List.of("message"), "default_operator", "and"))));
        }
        return Map.of("bool", bool);
    }
}
