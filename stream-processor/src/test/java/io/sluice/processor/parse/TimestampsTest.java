package io.sluice.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-22T12:00:00Z");
    private static final TimeContext UTC = TimeContext.utc(RECEIVED);
    private static final TimeContext BERLIN = new TimeContext(ZoneId.of("Europe/Berlin"), RECEIVED);

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
        assertThat(Timestamps.parseText(text, UTC)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-22T23:15:30+14:00         | 2026-11-22T09:15:30Z",
        "2026-11-22T00:15:30-12:00         | 2026-11-22T12:15:30Z",
        "2099-12-31T23:59:59Z              | 2099-12-31T23:59:59Z",
        "1970-01-01T00:00:00Z              | 1970-01-01T00:00:00Z"})
    void shouldReadTimestampsAtTheEdgesOfZonesAndTime(String text, String expected) {
        assertThat(Timestamps.parseText(text, UTC)).contains(Instant.parse(expected));
    }

    /** Local times a DST change makes ambiguous (the hour repeated in autumn: the earlier, summer offset) or absent (spring: moved on). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-10-25 02:30:00               | 2026-10-25T00:30:00Z",
        "2026-03-29 02:30:00               | 2026-03-29T01:30:00Z"})
    void shouldResolveDaylightSavingOverlapsAndGapsTheWayJavaTimeDoes(String text, String expected) {
        assertThat(Timestamps.parseText(text, BERLIN)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"yesterday", "2026-13-45T99:00:00Z", "''"})
    void shouldReportUnreadableTimestampsAsAbsent(String text) {
        assertThat(Timestamps.parseText(text, UTC)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sun Nov 22 10:15:30.123456 2026   | 2026-11-22T10:15:30.123456Z",
        "Sun Nov 22 10:15:30 2026          | 2026-11-22T10:15:30Z",
        "2026/11/22 10:15:30               | 2026-11-22T10:15:30Z",
        "Nov 22 10:15:30                   | 2026-11-22T10:15:30Z",
        "Nov  2 10:15:30                   | 2026-11-02T10:15:30Z",
        "10:15:30.250                      | 2026-11-22T10:15:30.250Z",
        "22/Nov/2026:11:15:30 +0100        | 2026-11-22T10:15:30Z"})
    void shouldReadTextLayoutsTimestamps(String text, String expected) {
        assertThat(Timestamps.parseText(text, UTC)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-22 10:15:30               | 2026-11-22T09:15:30Z",
        "Nov 22 10:15:30                   | 2026-11-22T09:15:30Z",
        "Sun Nov 22 10:15:30 2026          | 2026-11-22T09:15:30Z",
        "2026-11-22T10:15:30+00:00         | 2026-11-22T10:15:30Z"})
    void shouldReadZonelessTimestampsInTheSourceZone(String text, String expected) {
        assertThat(Timestamps.parseText(text, BERLIN)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a December line received on New Year's Day is last year's, not next December's
        "Dec 31 23:59:58 | 2027-01-01T00:00:05Z | 2026-12-31T23:59:58Z",
        // a bare time just before midnight, received just after it, is yesterday's
        "23:59:59.900    | 2026-11-23T00:00:00.100Z | 2026-11-22T23:59:59.900Z",
        // a slightly fast clock stays today
        "12:00:02        | 2026-11-22T12:00:01Z | 2026-11-22T12:00:02Z"})
    void shouldNeverPutYearlessOrDatelessTimestampsInTheFuture(String text, String received, String expected) {
        assertThat(Timestamps.parseText(text, TimeContext.utc(Instant.parse(received)))).contains(Instant.parse(expected));
    }
}
