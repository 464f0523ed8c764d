package io.sluice.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-22T10:15:30Z              | 2026-11-22T10:15:30Z",
        "2026-11-22T10:15:30.123456789Z    | 2026-11-22T10:15:30.123456789Z",
        "2026-11-22T11:15:30+01:00         | 2026-11-22T10:15:30Z",
        "2026-11-22T11:15:30+0100          | 2026-11-22T10:15:30Z",
        "2026-11-22 10:15:30,250           | 2026-11-22T10:15:30.250Z",
        "2026-11-22T10:15:30               | 2026-11-22T10:15:30Z",
        "1795335330                        | 2026-11-22T08:15:30Z",
        "1795335330.5                      | 2026-11-22T08:15:30.500Z",
        "1795335330123                     | 2026-11-22T08:15:30.123Z"})
    void shouldReadCommonTimestampForms(String text, String expected) {
        assertThat(Timestamps.parseText(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"yesterday", "2026-13-45T99:00:00Z", "''"})
    void shouldReportUnreadableTimestampsAsAbsent(String text) {
        assertThat(Timestamps.parseText(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1 - - [22/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 12 | 2026-11-22T10:15:30Z",
        "2026-11-22T10:15:30.5Z INFO started                                | 2026-11-22T10:15:30.500Z"})
    void shouldFindTimestampsInLines(String line, String expected) {
        assertThat(Timestamps.findInLine(line)).contains(Instant.parse(expected));
    }
}
