package io.sluice.cli;

import io.sluice.cli.search.TraceView;
import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.json.Json;
import io.sluice.runtime.elasticsearch.ElasticsearchPrincipal;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./sluice trace TRACE_ID [--since 7d] [--limit 1000] [--json]}: every event of one trace across services,
 * in time order — service, span, level, offset from the first event, message — to follow one request
 * through the system (what Zipkin's and Kibana's trace views give).
 */
final class TraceCommand {

    private final CliArgs args;
    private final PrintStream out;

    TraceCommand(CliArgs args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    int run() {
        if (args.positional().size() != 1 || args.positional().get(0).isBlank()) {
            throw new CliArgs.UsageException("give one trace id: ./sluice trace TRACE_ID [--since 7d]");
        }
        String traceId = args.positional().get(0);
        Instant from = Instant.now().minus(LogQuery.parseSince(args.option("since", "7d")));
        int limit = limit(args.option("limit", "1000"));
        ElasticsearchAccess elasticsearch = CommandElasticsearch.as(args, ElasticsearchPrincipal.OPERATOR);
        JsonNode response = SearchCommand.search(elasticsearch, request(traceId, from, limit));
        List<JsonNode> events = new ArrayList<>();
        response.path("hits").path("hits").forEach(hit -> events.add(hit.path("_source")));
        if (args.flag("json")) {
            events.forEach(event -> out.println(event.toString()));
        } else {
            TraceView.lines(traceId, events, response.path("hits").path("total").path("value").asLong()).forEach(out::println);
        }
        if (events.isEmpty()) {
            System.err.println("no event of trace " + traceId + " since " + from);
            return 1;
        }
        return 0;
    }

    static String request(String traceId, Instant from, int limit) {
        Map<String, Object> body = Map.of(
                "size", limit,
                "track_total_hits", true,
                "sort", List.of(Map.of("@timestamp", "asc"), Map.of("event.ingested", Map.of("order", "asc", "unmapped_type", "date"))),
                "query", Map.of("bool", Map.of("filter", List.of(
                        Map.of("term", Map.of("trace.id", traceId)),
                        Map.of("range", Map.of("@timestamp", Map.of("gte", from.toString())))))));
        return Json.MAPPER.writeValueAsString(body);
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= 10_000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new CliArgs.UsageException("--limit must be a number between 1 and 10000");
    }
}
