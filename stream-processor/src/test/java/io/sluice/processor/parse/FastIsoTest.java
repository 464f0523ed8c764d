package io.sluice.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FastIsoTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:15:30Z", "2026-11-22T10:15:30.1Z", "2026-11-22T10:15:30.123456789Z",
        "2026-11-22T10:15:30.123+05:30", "2026-11-22T10:15:30-08:00", "2024-02-29T23:59:59.999999Z"})
    void shouldAgreeWithTheJdkOnOffsetTimestamps(String text) {
        assertThat(FastIso.parse(text, ZoneOffset.UTC)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-22 10:15:30,250   | 2026-11-22T10:15:30.250Z",
        "2026-11-22T11:15:30+0100  | 2026-11-22T10:15:30Z"})
    void shouldReadTheCommaAndCompactOffsetVariants(String text, String expected) {
        assertThat(FastIso.parse(text, ZoneOffset.UTC)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:15:30", "2026-07-01 10:15:30.5"})
    void shouldPutZonelessTimestampsInTheGivenZone(String text) {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(FastIso.parse(text, berlin))
                .isEqualTo(LocalDateTime.parse(text.replace(' ', 'T')).atZone(berlin).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:15:30Z", "2026-11-22T25:15:30Z", "2026-11-22T10:15:30Zjunk",
        "2026-11-22T10:15:30.Z", "2026-11-22T10:15:30.1234567891Z", "2026-11-22T10:15:30+5:30", "2026/11/22 10:15:30",
        "2026-11-22", "20261122T101530Z"})
    void shouldLeaveEverythingElseToTheGeneralPath(String text) {
        assertThat(FastIso.parse(text, ZoneOffset.UTC)).isNull();
    }
}
