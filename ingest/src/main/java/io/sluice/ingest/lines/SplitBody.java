package io.sluice.ingest.lines;

import java.util.List;

/** A request body cut into accepted lines and rejected ones. */
public record SplitBody(List<RawLine> accepted, List<LineRejection> rejected) {

    public SplitBody {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }
}
