package io.sluice.indexer.replay;

import java.util.List;

/**
 * What a replay did: records read in the range, documents written anew, documents already there
 * (the ids make a replay idempotent), and records refused with the first few reasons. Refused records
 * are not dead-lettered again: they were when first indexed.
 */
public record ReplayReport(long read, long indexed, long alreadyIndexed, long refused, List<String> refusedReasons) {

    public ReplayReport {
        refusedReasons = List.copyOf(refusedReasons);
    }
}
