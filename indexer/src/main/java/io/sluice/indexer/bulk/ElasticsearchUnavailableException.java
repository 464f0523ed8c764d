package io.sluice.indexer.bulk;

/** Elasticsearch could not take a batch now (down, overloaded, timing out): retry later, commit nothing. */
public class ElasticsearchUnavailableException extends RuntimeException {

    public ElasticsearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
