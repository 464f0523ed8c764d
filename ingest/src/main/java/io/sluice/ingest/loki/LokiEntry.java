package io.sluice.ingest.loki;

import java.time.Instant;
import java.util.Map;

/** One pushed log line with its stream's labels and, since Loki 3, its structured metadata. */
public record LokiEntry(Map<String, String> streamLabels, Instant timestamp, String line, Map<String, String> metadata) {

    public LokiEntry {
        streamLabels = Map.copyOf(streamLabels);
        metadata = Map.copyOf(metadata);
    }
}
