package io.sluice.processor.recognize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelRecognizerTest {

    /** {@code line} with its time where the test says (-1 when it has none). */
    private static String level(String line, String time) {
        int start = time.isEmpty() ? -1 : line.indexOf(time);
        return LevelRecognizer.find(line, start, start < 0 ? -1 : start + time.length()).map(LevelRecognizer.Level::normalized).orElse(null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-22 10:15:30 ERROR something broke     | 2026-11-22 10:15:30 | ERROR",
        "[WARN] disk almost full                       | ''                  | WARN",
        "2026-11-22 10:15:30 wrn disk almost full      | 2026-11-22 10:15:30 | WARN",
        "2026-11-22 10:15:30 Warning: disk almost full | 2026-11-22 10:15:30 | WARN",
        "2026-11-22 10:15:30 <crit> disk gone          | 2026-11-22 10:15:30 | FATAL",
        "2026-11-22 10:15:30 [SEVERE] disk gone        | 2026-11-22 10:15:30 | ERROR",
        "2026-11-22 10:15:30 notice: rotated           | 2026-11-22 10:15:30 | INFO",
        "10:15:30 W disk almost full                   | 10:15:30            | WARN",
        "<3>kernel: disk error                         | ''                  | ERROR",
        "2026-11-22 10:15:30 main (EE) no screens      | 2026-11-22 10:15:30 | ERROR"})
    void shouldFindTheLevelAmongTheLeadingTokens(String line, String time, String expected) {
        assertThat(level(line, time)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "user said error in the chat                          | ''",
        "I think E is a letter                                | ''",
        "2026-11-22 10:15:30 request done, error count: 0     | 2026-11-22 10:15:30",
        "2026-11-22 10:15:30 job 7 finished with warning flags | 2026-11-22 10:15:30"})
    void shouldNotTakeAWordOfTheMessageForTheLevel(String line, String time) {
        assertThat(level(line, time)).isNull();
    }
}
