package io.sluice.indexer.bulk;

/**
 * What one bulk item's HTTP status means for us. 409 on {@code create} means the event id is
 * already indexed: a replay or a retry, so it counts as done.
 */
public enum ItemVerdict {
    INDEXED,
    ALREADY_INDEXED,
    RETRY,
    REJECT;

    public static ItemVerdict of(int status) {
        if (status == 200 || status == 201) {
            return INDEXED;
        }
        if (status == 409) {
            return ALREADY_INDEXED;
        }
        if (status == 429 || status >= 500) {
            return RETRY;
        }
        return REJECT;
    }
}
