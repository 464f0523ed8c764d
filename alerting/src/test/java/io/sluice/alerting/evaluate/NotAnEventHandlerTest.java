package io.sluice.alerting.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.topics.DeadLetterCode;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.junit.jupiter.api.Test;

class NotAnEventHandlerTest {

    @Test
    void shouldDeadLetterARecordThatIsNotALogEventAndGoOn() {
        byte[] value = "{\"not\":\"an event\"".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.ENRICHED.name(), 2, 77, "k".getBytes(), value);
        SerializationException failure = assertDeserializationFails(value);

        DeserializationExceptionHandler.Response response = new NotAnEventHandler().handleError(null, record, failure);

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(Topics.DLQ.name());
            assertThat(dead.value()).isEqualTo(value);
            assertThat(DeadLetterCode.labelOf(dead.headers())).isEqualTo("not_an_event");
            assertThat(SluiceHeaders.text(dead.headers(), SluiceHeaders.DLQ_STAGE)).isEqualTo("alerting/evaluate");
            assertThat(SluiceHeaders.text(dead.headers(), SluiceHeaders.DLQ_PARTITION)).isEqualTo("2");
            assertThat(SluiceHeaders.text(dead.headers(), SluiceHeaders.DLQ_OFFSET)).isEqualTo("77");
        });
    }

    /** The failure the real serde raises for these bytes. */
    private static SerializationException assertDeserializationFails(byte[] value) {
        try {
            Topics.ENRICHED.valueSerde().deserializer().deserialize(Topics.ENRICHED.name(), value);
        } catch (SerializationException e) {
            return e;
        }
        throw new AssertionError("the serde read a record that is not a LogEvent");
    }
}
