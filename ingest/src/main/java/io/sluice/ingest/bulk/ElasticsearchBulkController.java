package io.sluice.ingest.bulk;

import io.sluice.ingest.IngestProperties;
import io.sluice.ingest.guard.BoundService;
import io.sluice.ingest.http.RequestBodies;
import io.sluice.ingest.lines.MalformedBodyException;
import io.sluice.ingest.lines.NdjsonSplitter;
import io.sluice.ingest.lines.RawLine;
import io.sluice.ingest.lines.SplitBody;
import io.sluice.ingest.publish.KafkaUnavailableException;
import io.sluice.ingest.publish.RawLogPublisher;
import io.sluice.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Elasticsearch's {@code _bulk} API, so the elasticsearch outputs of Fluent Bit, Vector, Logstash,
 * Fluentd, Filebeat and rsyslog can point at Sluice unchanged. Each {@code index}/{@code create}
 * source becomes a raw line; the answer lists every item as Elasticsearch would ({@code 201
 * created}, or the item's error), and comes only after Kafka has the accepted ones — a bulk Kafka
 * did not take is a {@code 503}, which those shippers retry.
 *
 * <p>{@code _id}, when given, becomes the event id (so the shipper's own retries stay idempotent);
 * the service is the document's {@code service.name}, else the {@code service} query parameter,
 * else the index name without its date suffix.
 */
@RestController
public class ElasticsearchBulkController {

    private final RawLogPublisher publisher;
    private final IngestProperties properties;
    private final NdjsonSplitter splitter;
    private final BulkBodyParser parser;

    public ElasticsearchBulkController(RawLogPublisher publisher, IngestProperties properties, NdjsonSplitter splitter) {
        this.publisher = publisher;
        this.properties = properties;
        this.splitter = splitter;
        this.parser = new BulkBodyParser(Json.MAPPER);
    }

    @RequestMapping(path = {"/_bulk", "/{index}/_bulk"}, method = {RequestMethod.POST, RequestMethod.PUT})
    public ResponseEntity<Object> bulk(HttpServletRequest request, @PathVariable(required = false) String index)
            throws IOException {
        long started = System.nanoTime();
        byte[] body = RequestBodies.read(request, properties.maxBodySize().toBytes(),
                properties.maxDecompressedSize().toBytes());
        List<BulkItem> items = parser.parse(body, index);
        List<Map<String, Object>> results = new ArrayList<>(items.size());
        List<RawLine> accepted = new ArrayList<>();
        List<Integer> acceptedSlots = new ArrayList<>();
        for (BulkItem item : items) {
            if (!item.writesDocument()) {
                results.add(itemError(item, item.id(), "illegal_argument_exception",
                        "Sluice stores logs: only index and create actions are accepted, not " + item.verb()));
                continue;
            }
            String service = firstNonBlank(request.getParameter("service"), IndexServices.of(item.index()),
                    properties.defaultService());
            SplitBody split = splitter.splitLines(List.of(item.source()), service, request.getHeader("X-Sluice-Host"));
            if (split.accepted().isEmpty()) {
                publisher.refused(split.rejected());
                results.add(itemError(item, item.id(), "document_parsing_exception", split.rejected().get(0).reason()));
                continue;
            }
            RawLine line = split.accepted().get(0);
            accepted.add(item.id() != null ? line.withEventId(item.id()) : line);
            acceptedSlots.add(results.size());
            results.add(null);
        }
        publisher.publish(BoundService.apply(request, accepted), properties.kafkaAckTimeout());
        for (int i = 0; i < accepted.size(); i++) {
            BulkItem item = items.get(acceptedSlots.get(i));
            results.set(acceptedSlots.get(i), created(item, accepted.get(i).eventId()));
        }
        boolean errors = results.stream().anyMatch(result -> result.values().stream()
                .anyMatch(value -> value instanceof Map<?, ?> map && map.containsKey("error")));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("took", (System.nanoTime() - started) / 1_000_000);
        response.put("errors", errors);
        response.put("items", results);
        return EsResponses.of(HttpStatus.OK, response);
    }

    private static Map<String, Object> created(BulkItem item, String id) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("_index", item.index());
        result.put("_id", id);
        result.put("_version", 1);
        result.put("result", "created");
        result.put("_shards", Map.of("total", 1, "successful", 1, "failed", 0));
        result.put("_seq_no", 0);
        result.put("_primary_term", 1);
        result.put("status", 201);
        return Map.of(item.verb(), result);
    }

    private static Map<String, Object> itemError(BulkItem item, String id, String type, String reason) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("_index", item.index());
        result.put("_id", id);
        result.put("status", 400);
        result.put("error", Map.of("type", type, "reason", reason));
        return Map.of(item.verb(), result);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    @ExceptionHandler(KafkaUnavailableException.class)
    ResponseEntity<Object> kafkaUnavailable(KafkaUnavailableException e) {
        return EsResponses.error(HttpStatus.SERVICE_UNAVAILABLE, "unavailable_shards_exception", e.getMessage());
    }

    @ExceptionHandler({MalformedBodyException.class, RequestBodies.BadBodyException.class})
    ResponseEntity<Object> malformed(RuntimeException e) {
        return EsResponses.error(HttpStatus.BAD_REQUEST, "illegal_argument_exception", e.getMessage());
    }

    @ExceptionHandler(RequestBodies.BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestBodies.BodyTooLargeException e) {
        return EsResponses.error(HttpStatus.CONTENT_TOO_LARGE, "content_too_long_exception", e.getMessage());
    }
}
