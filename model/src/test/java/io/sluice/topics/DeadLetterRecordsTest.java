package io.sluice.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterRecordsTest {

    @Test
    void shouldCutAnOversizedValueToFitAndSayHowLargeItWas() {
        byte[] value = new byte[900_000];

        ProducerRecord<byte[], byte[]> dead = DeadLetterRecords.of("stage", DeadLetterCode.TOO_LARGE, "too big", "logs.raw.v1", 2, 41, "k".getBytes(),
                value);

        assertThat(dead.topic()).isEqualTo(Topics.DLQ.name());
        assertThat(dead.value()).hasSize(DeadLetterRecords.MAX_VALUE_BYTES);
        assertThat(SluiceHeaders.text(dead.headers(), DeadLetterRecords.TRUNCATED)).isEqualTo("900000");
        assertThat(SluiceHeaders.text(dead.headers(), SluiceHeaders.DLQ_REASON)).isEqualTo("too big");
        assertThat(DeadLetterCode.labelOf(dead.headers())).isEqualTo("too_large");
        assertThat(SluiceHeaders.text(dead.headers(), SluiceHeaders.DLQ_OFFSET)).isEqualTo("41");
    }

    @Test
    void shouldKeepAValueThatFitsAsItIs() {
        byte[] value = "{\"message\":\"hi\"}".getBytes(StandardCharsets.UTF_8);

        ProducerRecord<byte[], byte[]> dead = DeadLetterRecords.of("stage", DeadLetterCode.EMPTY, "why", "logs.enriched.v1", 0, 7, null, value);

        assertThat(dead.value()).isEqualTo(value);
        assertThat(dead.headers().lastHeader(DeadLetterRecords.TRUNCATED)).isNull();
    }
}
