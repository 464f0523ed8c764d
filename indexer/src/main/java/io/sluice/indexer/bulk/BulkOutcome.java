package io.sluice.indexer.bulk;

import java.util.List;

/** How a batch ended: how many were indexed, how many were there already, which were rejected. */
public record BulkOutcome(int indexed, int alreadyIndexed, List<Rejection> rejected) {

    public BulkOutcome {
        rejected = List.copyOf(rejected);
    }
}
