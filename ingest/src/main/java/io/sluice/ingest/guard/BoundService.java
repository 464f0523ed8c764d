package io.sluice.ingest.guard;

import io.sluice.ingest.lines.RawLine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;

/**
 * The service a request's token is bound to. A bound request's lines all carry that service: a line
 * that claims another keeps the claim only as the label {@code sluice_claimed_service}.
 */
public final class BoundService {

    static final String ATTRIBUTE = "sluice.boundService";
    static final String CLAIM_LABEL = "sluice_claimed_service";

    private BoundService() {
    }

    public static List<RawLine> apply(HttpServletRequest request, List<RawLine> lines) {
        Object bound = request.getAttribute(ATTRIBUTE);
        if (!(bound instanceof String service)) {
            return lines;
        }
        return lines.stream().map(line -> line.service().equals(service) ? line : rebind(line, service)).toList();
    }

    private static RawLine rebind(RawLine line, String service) {
        Map<String, String> labels = new java.util.HashMap<>(line.attributes().labels());
        labels.put(CLAIM_LABEL, line.service());
        io.sluice.model.ShippedAttributes attributes = line.attributes();
        return new RawLine(line.lineNumber(), service, line.host(), line.eventId(), line.bytes(),
                new io.sluice.model.ShippedAttributes(attributes.timestamp(), attributes.level(), attributes.traceId(),
                        attributes.spanId(), labels));
    }
}
