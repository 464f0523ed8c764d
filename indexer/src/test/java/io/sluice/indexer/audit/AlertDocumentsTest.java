package io.sluice.indexer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.indexer.bulk.BulkDocument;
import io.sluice.indexer.bulk.Rejection;
import io.sluice.model.Alert;
import io.sluice.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class AlertDocumentsTest {

    private static final Instant DECIDED = Instant.parse("2026-11-22T10:15:05Z");
    private static final Alert FIRING = new Alert("rule/checkout@1#1", "rule/checkout", Alert.State.FIRING, "rule", "threshold",
            "Errors", "service.name", "checkout", "checkout", null, 12, 10, DECIDED, DECIDED, List.of("boom"), null, "q", null,
            null, 1, DECIDED, DECIDED, null);

    private static ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>(Topics.ALERTS.name(), 0, 7, "rule/checkout", value);
    }

    @Test
    void shouldFileTheDecisionAndItsDeliveryUnderTwoIdsInTheMonthsIndex() {
        byte[] decision = Topics.ALERTS.valueSerde().serializer().serialize("t", FIRING);
        byte[] delivery = Topics.ALERTS.valueSerde().serializer().serialize("t",
                FIRING.delivered(new Alert.Delivery(Alert.Delivery.Outcome.DELIVERED, 1, null, DECIDED)));

        BulkDocument first = (BulkDocument) AlertDocuments.map(record(decision));
        BulkDocument second = (BulkDocument) AlertDocuments.map(record(delivery));

        assertThat(first.index()).isEqualTo("sluice-alerts-2026.11");
        assertThat(first.id()).isEqualTo("rule/checkout@1#1");
        assertThat(second.id()).isEqualTo("rule/checkout@1#1/delivery");
        assertThat(new String(second.source(), StandardCharsets.UTF_8)).contains("\"outcome\":\"DELIVERED\"");
    }

    @Test
    void shouldRejectAnEmptyRecordAsEmpty() {
        assertThat(AlertDocuments.map(record(null))).isInstanceOfSatisfying(Rejection.class,
                rejection -> assertThat(rejection.code()).isEqualTo(io.sluice.topics.DeadLetterCode.EMPTY));
    }

    @Test
    void shouldRejectWhatIsNotAnAlertWithTheReason() {
        assertThat(AlertDocuments.map(record("{\"alertId\":".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(Rejection.class, rejection -> {
                    assertThat(rejection.reason()).startsWith("not a valid alert");
                    assertThat(rejection.code()).isEqualTo(io.sluice.topics.DeadLetterCode.INVALID_ALERT);
                });
    }
}
