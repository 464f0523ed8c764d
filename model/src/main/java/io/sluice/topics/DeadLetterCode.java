package io.sluice.topics;

import java.util.Locale;
import org.apache.kafka.common.header.Headers;

/**
 * Why a record was refused, as a code decided where it was refused — carried in its own header
 * ({@link SluiceHeaders#DLQ_CODE}) beside the sentence for people ({@link SluiceHeaders#DLQ_REASON}), and
 * read as it is by metrics, {@code ./sluice status} and the dead-letter index. Rewording a sentence never
 * moves a record to another category.
 */
public enum DeadLetterCode {
    /** Not JSON although it starts like JSON, or JSON that is not an object. */
    MALFORMED_JSON,
    /** Over a size limit: a line, a record, an enriched event, one Elasticsearch request. */
    TOO_LARGE,
    /** JSON nested deeper than the limit. */
    TOO_DEEP,
    /** Nothing in it. */
    EMPTY,
    /** A grok match that ran past its time limit. */
    GROK_FAILED,
    /** A parser failed unexpectedly: a bug to look at. */
    PARSER_ERROR,
    /** On {@code logs.enriched.v1} but not a valid event, where the indexer reads it. */
    INVALID_EVENT,
    /** On {@code logs.enriched.v1} but not an event, where alerting evaluates it. */
    NOT_AN_EVENT,
    /** On {@code alerts.v1} but not a valid alert. */
    INVALID_ALERT,
    /** Older than its service's retention: it would land in an index already deleted. */
    PAST_RETENTION,
    /** Elasticsearch refused the document (mapping conflict, …); its error type is in the sentence. */
    ELASTICSEARCH_REFUSED,
    /** Breaks its service's contract ({@code enforce: dead-letter}): a required field missing or a typed one misfit, named in the sentence. */
    SCHEMA;

    /** The code as headers, metric labels and documents carry it: {@code too_large}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The code label a dead letter carries, {@code uncoded} for one written before codes existed (its
     * sentence is still there for people), {@code unknown} for an unrecognised value.
     */
    public static String labelOf(Headers headers) {
        String code = SluiceHeaders.text(headers, SluiceHeaders.DLQ_CODE);
        if (code == null) {
            return "uncoded";
        }
        for (DeadLetterCode known : values()) {
            if (known.label().equals(code)) {
                return code;
            }
        }
        return "unknown";
    }
}
