package io.sluice.indexer.bulk;

/**
 * Elasticsearch refused a whole bulk request for what it contains (413 too large, another 4xx), so
 * sending it again unchanged would be refused again: the indexer splits it until the refusal names
 * one document, which is then dead-lettered. Never thrown for 401/403 (configuration, see
 * {@link ElasticsearchCredentialsException}) or 408/429/5xx (transient).
 */
public final class BulkRefusedException extends RuntimeException {

    private final int status;

    public BulkRefusedException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean tooLarge() {
        return status == 413;
    }
}
