package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A hostile log line cannot rewrite an operator's terminal through search, tail or dlq. */
class TerminalTextTest {

    private static final String CLEAR_SCREEN_AND_RECOLOR = "\u001b[2J\u001b[31mroot login ok\u001b[0m";
    private static final String TITLE = "\u001b]0;pwned\u0007";

    @Test
    void shouldEscapeAnsiSequencesCarriageReturnsAndControlCharactersInALogLine() {
        String line = SearchCommand.format("2026-11-30T05:00:00Z", "svc\u001b[8m", "ERROR",
                "ok\rforged " + CLEAR_SCREEN_AND_RECOLOR + TITLE + " nul\u0000 del\u007f csi\u009b");

        assertThat(line).doesNotContain("\u001b", "\r", "\u0007", "\u0000", "\u007f", "\u009b")
                .contains("svc\\e[8m", "ok\\rforged \\e[2J\\e[31mroot login ok\\e[0m", "\\e]0;pwned\\x07", "nul\\x00",
                        "del\\x7f", "csi\\u009b");
    }

    @Test
    void shouldKeepStackTraceLinesIndentedButEscapeNewlinesInOneLineFields() {
        String line = SearchCommand.format("2026-11-30T05:00:00Z", "svc\nfake", "INFO", "boom\n\tat a.B.c(B.java:1)");

        assertThat(line).isEqualTo("2026-11-30T05:00:00Z  svc\\nfake         INFO   boom\n        \tat a.B.c(B.java:1)");
    }

    @Test
    void shouldEscapeBidirectionalControlsThatReorderWhatIsShown() {
        assertThat(TerminalText.escape("user \u202eNIMDA\u202c ok")).isEqualTo("user \\u202eNIMDA\\u202c ok");
    }

    @Test
    void shouldEscapeADeadLettersReasonAndPreview() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.DLQ.name(), 0, 7, "k",
                ("{\"oops" + CLEAR_SCREEN_AND_RECOLOR).getBytes(StandardCharsets.UTF_8));
        SluiceHeaders.putDeadLetter(record.headers(), "stream-processor/parse", io.sluice.topics.DeadLetterCode.MALFORMED_JSON,
                "malformed JSON \u001b[1m", "logs.raw.v1", 1, 5);

        String text = DeadLettersCommand.format(record);

        assertThat(text).doesNotContain("\u001b").contains("malformed JSON \\e[1m", "{\"oops\\e[2J");
        assertThat(text.lines()).hasSize(2);
    }

    @Test
    void shouldLeavePlainTextAsItIs() {
        String plain = "payment timeout after 30s — naïve café ✓";
        assertThat(TerminalText.escape(plain)).isSameAs(plain);
    }
}
