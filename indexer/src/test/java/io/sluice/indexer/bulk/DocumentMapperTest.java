package io.sluice.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.indexer.retention.RetentionPolicy;
import io.sluice.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DocumentMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final DocumentMapper mapper = new DocumentMapper(
            new RetentionPolicy(Duration.ofDays(7), Map.of("audit", Duration.ofDays(400))), Clock.fixed(NOW, ZoneOffset.UTC));

    private static ConsumerRecord<String, byte[]> record(String json) {
        return new ConsumerRecord<>("logs.enriched.v1", 0, 42L, "svc", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String event(String timestamp, String extra) {
        return "{\"@timestamp\":\"" + timestamp + "\",\"message\":\"m\",\"service.name\":\"svc\",\"event.id\":\"e-1\"" + extra + "}";
    }

    @Test
    void shouldWriteTheEventAsModelledSoNoFieldOutsideTheTemplateReachesElasticsearch() {
        String nested = "{\"a\":".repeat(25) + "1" + "}".repeat(25);
        MappedRecord mapped = mapper.map(record(event("2026-11-22T10:00:00Z",
                ",\"log\":\"a string where the template has an object\",\"deep\":" + nested
                        + ",\"labels\":{\"region\":\"eu\",\"region.name\":\"eu-west\"}")));

        assertThat(mapped).isInstanceOfSatisfying(BulkDocument.class, document -> {
            assertThat(document.index()).isEqualTo("logs-svc-2026.11.22");
            assertThat(document.id()).isEqualTo("e-1");
            JsonNode source = Json.MAPPER.readTree(document.source());
            assertThat(source.has("log")).isFalse();
            assertThat(source.has("deep")).isFalse();
            assertThat(source.path("labels").path("region.name").asString()).isEqualTo("eu-west");
        });
    }

    @Test
    void shouldDeadLetterAnEventOlderThanItsServicesRetention() {
        assertThat(mapper.map(record(event("2026-11-15T23:59:59Z", "")))).isInstanceOfSatisfying(Rejection.class,
                rejection -> assertThat(rejection).extracting(Rejection::code, Rejection::reason).containsExactly(
                        io.sluice.topics.DeadLetterCode.PAST_RETENTION,
                        "older than the retention of 7 days for svc: 2026-11-15T23:59:59Z"));
        assertThat(mapper.map(record(event("2026-11-16T00:00:00Z", "")))).isInstanceOf(BulkDocument.class);
        assertThat(mapper.map(record(event("2026-01-01T00:00:00Z", "").replace("\"svc\"", "\"audit\""))))
                .isInstanceOf(BulkDocument.class);
    }

    @Test
    void shouldNeverCreateAFarFutureIndex() {
        assertThat(mapper.map(record(event("2031-01-01T00:00:00Z", "")))).isInstanceOfSatisfying(BulkDocument.class,
                document -> {
                    assertThat(document.index()).isEqualTo("logs-svc-2026.11.22");
                    assertThat(Json.MAPPER.readTree(document.source()).path("@timestamp").asString())
                            .isEqualTo("2031-01-01T00:00:00Z");
                });
        assertThat(mapper.map(record(event("2026-11-23T06:00:00Z", "")))).isInstanceOfSatisfying(BulkDocument.class,
                document -> assertThat(document.index()).isEqualTo("logs-svc-2026.11.23"));
    }

    @Test
    void shouldPutAFarFutureEventInTheSameIndexOnEveryReplay() {
        String farFuture = event("2099-12-31T23:59:59Z", ",\"event.ingested\":\"2026-11-22T11:59:00Z\"");
        DocumentMapper fiveDaysLater = new DocumentMapper(new RetentionPolicy(Duration.ofDays(7), Map.of()),
                Clock.fixed(NOW.plus(Duration.ofDays(5)), ZoneOffset.UTC));

        String first = ((BulkDocument) mapper.map(record(farFuture))).index();
        String replayed = ((BulkDocument) fiveDaysLater.map(record(farFuture))).index();

        assertThat(first).isEqualTo("logs-svc-2026.11.22").isEqualTo(replayed);
    }

    @Test
    void shouldIndexEventsAtTheEdgesOfTime() {
        assertThat(((BulkDocument) new DocumentMapper(new RetentionPolicy(Duration.ofDays(36500), Map.of()), Clock.fixed(NOW, ZoneOffset.UTC))
                .map(record(event("1970-01-01T00:00:00Z", "")))).index()).isEqualTo("logs-svc-1970.01.01");
        // +14:00 and -12:00 are the same instants as these UTC ones; the daily index is the UTC day
        assertThat(((BulkDocument) mapper.map(record(event("2026-11-21T10:30:00Z", "")))).index()).isEqualTo("logs-svc-2026.11.21");
        assertThat(((BulkDocument) mapper.map(record(event("2026-11-22T23:30:00Z", "")))).index()).isEqualTo("logs-svc-2026.11.22");
    }

    @Test
    void shouldDeadLetterAnEmptyRecordAsEmpty() {
        assertThat(mapper.map(new ConsumerRecord<>("logs.enriched.v1", 0, 7L, "svc", null))).isInstanceOfSatisfying(Rejection.class,
                rejection -> assertThat(rejection).extracting(Rejection::code, Rejection::reason)
                        .containsExactly(io.sluice.topics.DeadLetterCode.EMPTY, "empty record"));
    }

    @Test
    void shouldDeadLetterWhatIsNotAnEventWithTheReason() {
        assertThat(mapper.map(record("{\"message\":\"no timestamp, no id\"}"))).isInstanceOfSatisfying(Rejection.class,
                rejection -> {
                    assertThat(rejection.reason()).startsWith("not a valid event");
                    assertThat(rejection.code()).isEqualTo(io.sluice.topics.DeadLetterCode.INVALID_EVENT);
                });
    }
}
