package io.sluice.ingest.http;

import io.sluice.ingest.lines.LineRejection;
import java.util.List;

/** The answer to a log request: how many lines Kafka has, and which were refused and why. */
public record IngestResponse(int accepted, int rejected, List<LineRejection> errors) {

    public static IngestResponse of(int accepted, List<LineRejection> errors) {
        return new IngestResponse(accepted, errors.size(), List.copyOf(errors));
    }

    public static IngestResponse failure(String reason) {
        return new IngestResponse(0, 0, List.of(new LineRejection(0, reason)));
    }
}
