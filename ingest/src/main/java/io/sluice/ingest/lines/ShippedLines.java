package io.sluice.ingest.lines;

import io.sluice.model.ShippedAttributes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the records of a shipping protocol (a Loki entry, an OTLP log record) into raw lines under
 * the same limits as every other line, each with what the protocol said beside it; refused records
 * come back numbered from 1 with their reason.
 */
public final class ShippedLines {

    /** One protocol record: its log text, the service and host it names, and its other attributes. */
    public record Shipped(String text, String service, String host, ShippedAttributes attributes) {
    }

    private final NdjsonSplitter splitter;

    public ShippedLines(NdjsonSplitter splitter) {
        this.splitter = splitter;
    }

    public SplitBody collect(List<Shipped> records) {
        List<RawLine> accepted = new ArrayList<>(records.size());
        List<LineRejection> rejected = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Shipped record = records.get(i);
            SplitBody split = splitter.splitLines(List.of(record.text().getBytes(StandardCharsets.UTF_8)),
                    record.service(), record.host());
            if (split.accepted().isEmpty()) {
                LineRejection refusal = split.rejected().get(0);
                rejected.add(new LineRejection(i + 1, refusal.reason(), refusal.code()));
            } else {
                accepted.add(split.accepted().get(0).withAttributes(record.attributes()));
            }
        }
        return new SplitBody(accepted, rejected);
    }
}
