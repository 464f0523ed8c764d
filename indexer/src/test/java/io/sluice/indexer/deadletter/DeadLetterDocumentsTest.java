package io.sluice.indexer.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.indexer.bulk.BulkDocument;
import io.sluice.json.Json;
import io.sluice.redact.RedactionRule;
import io.sluice.redact.Redactor;
import io.sluice.topics.SluiceHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeadLetterDocumentsTest {

    private static final Instant AT = Instant.parse("2026-11-29T12:00:00Z");
    private static final Redactor REDACTOR = new Redactor(EnumSet.of(RedactionRule.EMAIL, RedactionRule.CARD, RedactionRule.BEARER,
            RedactionRule.URL_PASSWORD));

    @Test
    void shouldDescribeTheRecordWithItsReasonCategoryAndOriginUnderItsOwnCoordinates() {
        RecordHeaders headers = new RecordHeaders();
        SluiceHeaders.putDeadLetter(headers, "stream-processor/parse", io.sluice.topics.DeadLetterCode.MALFORMED_JSON,
                "malformed JSON: Unexpected end-of-input", "logs.raw.v1", 2, 41);
        BulkDocument document = DeadLetterDocuments.map(record("checkout", "{\"message\": \"no closing brace", headers), REDACTOR);

        assertThat(document.index()).isEqualTo("sluice-dlq-2026.11");
        assertThat(document.id()).isEqualTo(DeadLetterDocuments.map(record("checkout", "read again", headers), REDACTOR).id())
                .as("a record at the same coordinates of a recreated topic is another document")
                .isNotEqualTo(DeadLetterDocuments.map(new ConsumerRecord<>("logs.dlq.v1", 1, 7, AT.toEpochMilli() + 1,
                        TimestampType.CREATE_TIME, -1, -1, "checkout", new byte[0], headers, Optional.empty()), REDACTOR).id());
        JsonNode source = Json.MAPPER.readTree(document.source());
        assertThat(source.path("@timestamp").asString()).isEqualTo("2026-11-29T12:00:00Z");
        assertThat(source.path("service.name").asString()).isEqualTo("checkout");
        assertThat(source.path("dlq.stage").asString()).isEqualTo("stream-processor/parse");
        assertThat(source.path("dlq.category").asString()).isEqualTo("malformed_json");
        assertThat(source.path("dlq.reason").asString()).startsWith("malformed JSON");
        assertThat(source.path("dlq.origin.topic").asString()).isEqualTo("logs.raw.v1");
        assertThat(source.path("dlq.origin.partition").asLong()).isEqualTo(2);
        assertThat(source.path("dlq.origin.offset").asLong()).isEqualTo(41);
        assertThat(source.path("event.original").asString()).isEqualTo("{\"message\": \"no closing brace");
        assertThat(source.path("dlq.truncated").asBoolean()).isFalse();
    }

    @Test
    void shouldMapAnyRecordEvenWithoutHeadersAndCutAHugeOriginal() {
        String huge = "x".repeat(DeadLetterDocuments.MAX_ORIGINAL_CHARS + 10);
        JsonNode source = Json.MAPPER.readTree(DeadLetterDocuments.map(record(null, huge, new RecordHeaders()), REDACTOR).source());

        assertThat(source.path("dlq.category").asString()).isEqualTo("uncoded");
        assertThat(source.path("event.original").asString()).hasSize(DeadLetterDocuments.MAX_ORIGINAL_CHARS);
        assertThat(source.path("dlq.truncated").asBoolean()).isTrue();
        assertThat(source.path("dlq.original_bytes").asLong()).isEqualTo(huge.length());
    }

    @Test
    void shouldShowWhatTheLogIndicesShowMaskingWhatTheyMaskAndKeepTheRecordWhole() {
        String line = "{\"msg\": \"card 4111 1111 1111 1111 of jane.doe@example.com, Authorization: Bearer eyJhbGciOi.x.y\"";
        RecordHeaders headers = new RecordHeaders();
        SluiceHeaders.putDeadLetter(headers, "stream-processor/parse", io.sluice.topics.DeadLetterCode.MALFORMED_JSON,
                "malformed JSON near 'jane.doe@example.com'", "logs.raw.v1", 0, 1);
        ConsumerRecord<String, byte[]> record = record("checkout", line, headers);

        JsonNode source = Json.MAPPER.readTree(DeadLetterDocuments.map(record, REDACTOR).source());

        assertThat(source.path("event.original").asString()).doesNotContain("4111 1111 1111 1111", "jane.doe@example.com", "eyJhbGciOi")
                .contains("card ", "Authorization: ");
        assertThat(source.path("dlq.reason").asString()).startsWith("malformed JSON near").doesNotContain("jane.doe@example.com");
        assertThat(source.path("dlq.redacted").asString()).isEqualTo("bearer,card,email");
        assertThat(source.path("dlq.original_bytes").asLong()).as("the record's own size").isEqualTo(line.length());
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).as("the topic keeps it whole, for replay").isEqualTo(line);
    }

    private static ConsumerRecord<String, byte[]> record(String key, String value, RecordHeaders headers) {
        return new ConsumerRecord<>("logs.dlq.v1", 1, 7, AT.toEpochMilli(), TimestampType.CREATE_TIME, -1, -1, key,
                value.getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }
}
