package io.sluice.cli;

import io.sluice.cli.search.Answer;
import io.sluice.cli.search.ElasticsearchRefusal;
import io.sluice.cli.search.FieldStats;
import io.sluice.cli.search.Histogram;
import io.sluice.cli.search.TopValues;
import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.index.IndexNames;
import io.sluice.runtime.elasticsearch.ElasticsearchPrincipal;
import io.sluice.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./sluice search 'timeout' --since 15m --service checkout}: matching logs straight from
 * Elasticsearch, oldest first, one line each (continuation lines indented) — for where no Kibana runs. The
 * query is words or Lucene syntax ({@link LogQuery}); {@code --count-by FIELD [--top N]}, {@code --histogram
 * INTERVAL} or {@code --stats FIELD} answer with numbers instead of logs; {@code --json} prints any answer as
 * JSON (the logs as one JSON object per line).
 */
final class SearchCommand {

    private final CliArgs args;
    private final PrintStream out;

    SearchCommand(CliArgs args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    int run() {
        Instant now = Instant.now();
        LogQuery query = LogQuery.from(args, now);
        Answer answer = answer(args, query.from(), now);
        ElasticsearchAccess elasticsearch = CommandElasticsearch.as(args, ElasticsearchPrincipal.OPERATOR);
        if (answer != null) {
            JsonNode response = search(elasticsearch, query.toJson(answer.aggregations()));
            if (args.flag("json")) {
                out.println(Json.MAPPER.writeValueAsString(answer.json(response)));
            } else {
                answer.lines(response).forEach(out::println);
            }
            return 0;
        }
        JsonNode hits = search(elasticsearch, query.toJson()).path("hits").path("hits");
        List<JsonNode> oldestFirst = new ArrayList<>();
        hits.forEach(hit -> oldestFirst.add(0, hit.path("_source")));
        oldestFirst.forEach(source -> out.println(args.flag("json") ? source.toString() : format(source)));
        if (oldestFirst.isEmpty()) {
            System.err.println("no matching logs since " + query.from());
        }
        return 0;
    }

    /** The numbers asked for instead of logs, or null for the logs themselves. */
    static Answer answer(CliArgs args, Instant from, Instant now) {
        List<String> asked = java.util.stream.Stream.of("count-by", "histogram", "stats")
                .filter(args.options()::containsKey).toList();
        if (asked.size() > 1) {
            throw new CliArgs.UsageException("one of --count-by, --histogram or --stats at a time, not " + String.join(" and ", asked));
        }
        try {
            if (args.options().containsKey("count-by")) {
                return new TopValues(args.option("count-by", null), Integer.parseInt(args.option("top", "10")));
            }
            if (args.options().containsKey("histogram")) {
                return new Histogram(LogQuery.parseSince(args.option("histogram", null)), from, now);
            }
            if (args.options().containsKey("stats")) {
                return new FieldStats(args.option("stats", null));
            }
        } catch (NumberFormatException e) {
            throw new CliArgs.UsageException("--top must be a number");
        } catch (IllegalArgumentException e) {
            throw new CliArgs.UsageException(e.getMessage());
        }
        return null;
    }

    static String format(JsonNode source) {
        return format(source.path("@timestamp").asString(""), source.path("service.name").asString("-"),
                source.path("log.level").asString("-"), source.path("message").asString(""));
    }

    /**
     * One log as one line: time, service, level, message (continuation lines indented); whatever came from
     * the log is escaped for the terminal ({@link TerminalText}).
     */
    static String format(String timestamp, String service, String level, String message) {
        return String.join("  ", TerminalText.escape(timestamp), pad(service == null ? "-" : TerminalText.escape(service), 16),
                pad(level == null ? "-" : TerminalText.escape(level), 5), TerminalText.escapeKeepingLines(message, " ".repeat(8)));
    }

    private static String pad(String value, int width) {
        return value.length() >= width ? value : value + " ".repeat(width - value.length());
    }

    /** A search of the log indices; a query Elasticsearch refuses is a usage error with its reason. */
    static JsonNode search(ElasticsearchAccess elasticsearch, String body) {
        HttpRequest request = elasticsearch.request("/" + IndexNames.PATTERN + "/_search?ignore_unavailable=true&allow_no_indices=true")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = elasticsearch.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400) {
                throw new CliArgs.UsageException("Elasticsearch refused the query: " + ElasticsearchRefusal.reason(response.body()));
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Elasticsearch answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode answer = Json.MAPPER.readTree(response.body());
            java.util.Optional<String> failed = ElasticsearchRefusal.shardFailures(answer);
            if (failed.isPresent() && ElasticsearchRefusal.everyShardFailed(answer)) {
                throw new CliArgs.UsageException("Elasticsearch refused the query: " + failed.get());
            }
            failed.ifPresent(reason -> System.err.println("incomplete answer: " + answer.path("_shards").path("failed").asInt()
                    + " of " + answer.path("_shards").path("total").asInt() + " shards failed: " + reason));
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Elasticsearch at " + elasticsearch.url()
                    + " (is the platform up? ./sluice up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
