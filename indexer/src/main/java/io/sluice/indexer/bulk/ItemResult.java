package io.sluice.indexer.bulk;

/** Elasticsearch's answer for one bulk item: its status and, when it failed, the error's type and reason. */
public record ItemResult(int status, String errorType, String errorReason) {

    public String describe() {
        return status + " " + errorType + ": " + errorReason;
    }
}
