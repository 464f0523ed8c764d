package io.sluice.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.model.EventIds;
import io.sluice.topics.SluiceHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RawRecordsTest {

    private static ConsumerRecord<byte[], byte[]> record(String key, String line, String... headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            SluiceHeaders.put(recordHeaders, headers[i], headers[i + 1]);
        }
        return new ConsumerRecord<>("logs.raw.v1", 2, 5702, 1_795_000_000_000L, TimestampType.CREATE_TIME, -1, -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), line.getBytes(StandardCharsets.UTF_8), recordHeaders,
                Optional.empty());
    }

    @Test
    void shouldGiveTheIdTheProcessorGivesTheEvent() {
        assertThat(RawRecords.eventId(record("edge", "GET /", SluiceHeaders.EVENT_ID, "from-ingest"))).isEqualTo("from-ingest");
        assertThat(RawRecords.eventId(record("edge", "{\"event.id\":\"own\",\"message\":\"m\"}"))).isEqualTo("own");
        assertThat(RawRecords.eventId(record("edge", "{\"event\":{\"id\":\"nested\"}}"))).isEqualTo("nested");
        assertThat(RawRecords.eventId(record("edge", "plain line")))
                .isEqualTo(EventIds.nameBased("logs.raw.v1-2@5702/1795000000000"));
        assertThat(RawRecords.eventId(record("edge", "{\"oops"))).isEqualTo(EventIds.nameBased("logs.raw.v1-2@5702/1795000000000"));
    }

    @Test
    void shouldNameTheServiceByHeaderThenKey() {
        assertThat(RawRecords.service(record("edge", "x", SluiceHeaders.SERVICE, "checkout"))).isEqualTo("checkout");
        assertThat(RawRecords.service(record("edge", "x"))).isEqualTo("edge");
        assertThat(RawRecords.service(record(null, "x"))).isEqualTo("unknown");
    }

    @Test
    void shouldKnowTheLinesTheProcessorJoinsIntoTheEventBefore() {
        assertThat(RawRecords.continuation(record("app", "\tat com.shop.Pay.charge(Pay.java:12)"))).isTrue();
        assertThat(RawRecords.continuation(record("app", "Caused by: java.io.IOException: reset"))).isTrue();
        assertThat(RawRecords.continuation(record("app", "2026-11-30T10:00:00Z stdout F \tat a.B.c(B.java:1)"))).isTrue();
        assertThat(RawRecords.continuation(record("app", "2026-11-30T10:00:00Z ERROR charge failed"))).isFalse();
        assertThat(RawRecords.continuation(record("app", "{\"message\":\"  indented\"}"))).isFalse();
        assertThat(RawRecords.partial(record("app", "2026-11-30T10:00:00.123456789Z stdout P first part of a long li"))).isTrue();
        assertThat(RawRecords.partial(record("app", "2026-11-30T10:00:00.123456789Z stdout F the end"))).isFalse();
    }
}
