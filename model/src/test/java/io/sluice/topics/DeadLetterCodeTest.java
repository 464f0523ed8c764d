package io.sluice.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The category is the code the rejecting stage wrote, never a reading of the sentence. */
class DeadLetterCodeTest {

    @Test
    void shouldReadTheCodeWhateverTheSentenceSays() {
        RecordHeaders headers = new RecordHeaders();
        SluiceHeaders.putDeadLetter(headers, "stage", DeadLetterCode.MALFORMED_JSON, "a sentence reworded any way at all", "t", 0, 1);

        assertThat(DeadLetterCode.labelOf(headers)).isEqualTo("malformed_json");
        assertThat(SluiceHeaders.text(headers, SluiceHeaders.DLQ_CODE)).isEqualTo("malformed_json");
    }

    @Test
    void shouldSayUncodedForRecordsWrittenBeforeCodesAndUnknownForAStrangeCode() {
        RecordHeaders old = new RecordHeaders();
        SluiceHeaders.put(old, SluiceHeaders.DLQ_REASON, "malformed JSON: Unexpected end-of-input");
        RecordHeaders strange = new RecordHeaders();
        SluiceHeaders.put(strange, SluiceHeaders.DLQ_CODE, "DROP TABLE");

        assertThat(DeadLetterCode.labelOf(old)).isEqualTo("uncoded");
        assertThat(DeadLetterCode.labelOf(strange)).isEqualTo("unknown");
    }

    @Test
    void shouldGiveEveryCodeALowerCaseLabel() {
        for (DeadLetterCode code : DeadLetterCode.values()) {
            assertThat(code.label()).matches("[a-z_]+");
        }
    }
}
