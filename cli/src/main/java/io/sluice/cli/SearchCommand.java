package io.sluice.cli;

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
 * Elasticsearch, oldest first, one line each (continuation lines indented) — for where no Kibana runs.
 */
final class SearchCommand {

    private final CliArgs args;
    private final PrintStream out;

    SearchCommand(CliArgs args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    int run() {
        LogQuery query = LogQuery.from(args, Instant.now());
        ElasticsearchAccess elasticsearch = CommandElasticsearch.as(args, ElasticsearchPrincipal.OPERATOR);
        JsonNode hits = search(elasticsearch, query).path("hits").path("hits");
        List<JsonNode> oldestFirst = new ArrayList<>();
        hits.forEach(hit -> oldestFirst.add(0, hit.path("_source")));
        oldestFirst.forEach(source -> out.println(format(source)));
        if (oldestFirst.isEmpty()) {
            System.err.println("no matching logs since " + query.from());
        }
        return 0;
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

    private static JsonNode search(ElasticsearchAccess elasticsearch, LogQuery query) {
        HttpRequest request = elasticsearch.request("/" + IndexNames.PATTERN + "/_search?ignore_unavailable=true&allow_no_indices=true")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(query.toJson()))
                .build();
        try {
            HttpResponse<String> response = elasticsearch.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Elasticsearch answered " + response.statusCode() + ": " + response.body());
            }
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Elasticsearch at " + elasticsearch.url()
                    + " (is the platform up? ./sluice up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
