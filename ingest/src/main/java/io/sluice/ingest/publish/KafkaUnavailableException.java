package io.sluice.ingest.publish;

/** Kafka did not acknowledge a request's records: transient, the sender must retry (HTTP 503). */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
