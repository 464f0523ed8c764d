package io.sluice.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadLetterReasonsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "malformed JSON: Unexpected end-of-input: expected close marker for Object | malformed_json",
            "a line starting with '{' must be a JSON object | malformed_json",
            "JSON nested deeper than 20 levels | too_deep",
            "record of 2000000 bytes exceeds the limit of 1048576 | too_large",
            "line is 2000000 bytes, the limit is 1048576 | too_large",
            "empty record | empty",
            "grok format 'nginx' failed: no match | grok_failed",
            "parser failed: java.lang.NullPointerException | parser_error",
            "not a valid event: Unrecognized token | invalid_event",
            "older than the retention of 30 days: 2020-01-01T00:00:00Z | past_retention",
            "elasticsearch refused logs-x-2026.11.29/abc: 400 document_parsing_exception: [labels.n] failed | es_document_parsing_exception",
            "something nobody wrote a rule for | other"})
    void shouldGroupAReasonUnderAShortCode(String reason, String category) {
        assertThat(DeadLetterReasons.category(reason)).isEqualTo(category);
    }

    @Test
    void shouldNotLetAnIdOrIndexNameBecomeALabelValue() {
        assertThat(DeadLetterReasons.category("elasticsearch refused logs-x/{\"_id\": 1}: 4xx Weird Type: x")).isEqualTo("other");
        assertThat(DeadLetterReasons.category(null)).isEqualTo("unknown");
    }
}
