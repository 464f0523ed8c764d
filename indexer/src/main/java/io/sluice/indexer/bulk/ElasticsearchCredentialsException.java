package io.sluice.indexer.bulk;

/**
 * Elasticsearch refused the indexer itself (401: credentials wrong or expired; 403: the role may not
 * write there). That is configuration, not data: nothing is dead-lettered, the batch waits like in an
 * outage and goes through once the credentials are fixed.
 */
public final class ElasticsearchCredentialsException extends ElasticsearchUnavailableException {

    private final int status;

    public ElasticsearchCredentialsException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
