package io.sluice.ingest.loki;

import io.sluice.ingest.IngestProperties;
import io.sluice.ingest.guard.BoundService;
import io.sluice.ingest.http.RequestBodies;
import io.sluice.ingest.lines.LineRejection;
import io.sluice.ingest.lines.NdjsonSplitter;
import io.sluice.ingest.lines.ShippedLines;
import io.sluice.ingest.lines.SplitBody;
import io.sluice.ingest.publish.RawLogPublisher;
import io.sluice.json.Json;
import io.sluice.model.ShippedAttributes;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Loki's push API ({@code POST /loki/api/v1/push}), so Alloy, Promtail and Loki outputs of other
 * shippers can send to Sluice. Each line keeps Loki's timestamp and its stream labels and structured
 * metadata as {@code labels.*}; the service is the {@code service_name} label (Loki 3), else
 * {@code service}, {@code app}, {@code job} or {@code container}. {@code 204} once Kafka has every
 * accepted line, {@code 503} when it did not (Loki clients retry that), {@code 400} naming the lines
 * that were refused.
 */
@RestController
public class LokiPushController {

    private static final List<String> SERVICE_LABELS = List.of("service_name", "service", "app", "application", "job",
            "container");
    private static final List<String> LEVEL_LABELS = List.of("level", "detected_level", "severity");
    private static final List<String> TRACE_LABELS = List.of("trace_id", "traceID", "traceId");
    private static final List<String> HOST_LABELS = List.of("host", "hostname", "node_name");

    private final RawLogPublisher publisher;
    private final IngestProperties properties;
    private final ShippedLines shippedLines;
    private final LokiPushDecoder decoder = new LokiPushDecoder(Json.MAPPER);

    public LokiPushController(RawLogPublisher publisher, IngestProperties properties, NdjsonSplitter splitter) {
        this.publisher = publisher;
        this.properties = properties;
        this.shippedLines = new ShippedLines(splitter);
    }

    @PostMapping("/loki/api/v1/push")
    public ResponseEntity<Object> push(HttpServletRequest request) throws IOException {
        byte[] body = RequestBodies.read(request, properties.maxBodySize().toBytes(),
                properties.maxDecompressedSize().toBytes());
        String contentType = request.getContentType() == null ? "" : request.getContentType();
        List<LokiEntry> entries = contentType.startsWith("application/x-protobuf")
                ? decoder.snappyProtobuf(body, properties.maxDecompressedSize().toBytes(), inflated -> RequestBodies.chargeInflated(request, inflated))
                : decoder.json(body);
        List<ShippedLines.Shipped> records = new ArrayList<>(entries.size());
        for (LokiEntry entry : entries) {
            Map<String, String> all = new HashMap<>(entry.streamLabels());
            all.putAll(entry.metadata());
            records.add(new ShippedLines.Shipped(entry.line(),
                    first(all, SERVICE_LABELS, request.getParameter("service"), properties.defaultService()),
                    first(all, HOST_LABELS, null, null), new ShippedAttributes(entry.timestamp(),
                    first(all, LEVEL_LABELS, null, null), first(all, TRACE_LABELS, null, null), null, all)));
        }
        SplitBody lines = shippedLines.collect(records);
        publisher.publish(BoundService.apply(request, lines.accepted()), properties.kafkaAckTimeout());
        List<LineRejection> rejected = lines.rejected();
        publisher.refused(rejected);
        if (!rejected.isEmpty()) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body(rejected.size() + " of " + records.size() + " entries refused, first: entry "
                            + rejected.get(0).lineNumber() + ": " + rejected.get(0).reason());
        }
        return ResponseEntity.noContent().build();
    }

    private static String first(Map<String, String> labels, List<String> names, String fallback, String lastResort) {
        for (String name : names) {
            String value = labels.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return fallback != null && !fallback.isBlank() ? fallback : lastResort;
    }
}
