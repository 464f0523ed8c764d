package io.sluice.processor.recognize;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.processor.parse.TimeContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeRecognizerTest {

    private static final TimeContext RECEIVED = TimeContext.utc(Instant.parse("2026-11-22T12:00:00Z"));

    private final TimeRecognizer recognizer = new TimeRecognizer();

    private Optional<Instant> time(String source, String line) {
        return recognizer.recognize(source, line, RECEIVED).map(TimeRecognizer.Recognized::time);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-20 10:15:30 started                       | 2026-11-20T10:15:30Z",
        "20261120T101530Z started                          | 2026-11-20T10:15:30Z",
        "2026-11-20T10:15:30.5+01:00 started               | 2026-11-20T09:15:30.500Z",
        "Dec 24 10:00:00 host app: a date after reception is last year's | 2025-12-24T10:00:00Z",
        "Nov 20 2026 10:15:30: %ASA-6-302013: Built outbound | 2026-11-20T10:15:30Z",
        "30.11.2025 23:59:59 year end                      | 2025-11-30T23:59:59Z",
        "[09:15:30 PM] evening                             | 2026-11-22T21:15:30Z",
        "[12:00:01 AM] just after midnight                 | 2026-11-22T00:00:01Z"})
    void shouldReadTheTimeOfLinesNoFormatClaims(String line, String expected) {
        assertThat(time("app", line)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12345 worker started",
        "[    12.345] (II) uptime is not a time",
        "version 2.4.1 released",
        "nova-api.log.1.2017-05-16_13:53:08 a dated file name is not the event's time",
        "call 0123456789 back tomorrow",
        "2026-13-40 10:15:30 no such date"})
    void shouldNotTakeNumbersThatAreNotTimesForTimes(String line) {
        assertThat(time("app", line)).isEmpty();
    }

    @Test
    void shouldLearnWhetherTheSourceWritesTheDayOrTheMonthFirstFromItsLines() {
        // 03/04 alone could be either; the source's next line (a 25th) says day first, and 03/04 is then the 3rd of April
        assertThat(time("eu", "25/04/2026 10:00:00 first light")).contains(Instant.parse("2026-04-25T10:00:00Z"));
        assertThat(time("eu", "03/04/2026 10:00:00 again")).contains(Instant.parse("2026-04-03T10:00:00Z"));
        // another source of the same service on another host learns its own: month first by the '/' convention
        assertThat(time("us", "03/04/2026 10:00:00 again")).contains(Instant.parse("2026-03-04T10:00:00Z"));
    }

    @Test
    void shouldKeepTheOrderOfTwoDigitDatesThatTheSourcesLinesAllow() {
        // 17/06/09: year-month-day (2017) or day-month-year (2009); 09/06/17 would fit neither if year first... the source decides
        assertThat(time("spark", "17/06/09 20:10:40 INFO started")).contains(Instant.parse("2017-06-09T20:10:40Z"));
        assertThat(time("condor", "11/20/26 10:15:30 (pid:1234) starting")).contains(Instant.parse("2026-11-20T10:15:30Z"));
    }

    @Test
    void shouldReadEpochsOnlyWhenPlausible() {
        assertThat(time("squid", "1763633730.123 145 TCP_MISS/200")).contains(Instant.parse("2025-11-20T10:15:30.123Z"));
        assertThat(time("other", "9999999999 is 2286, not a time of this log")).isEmpty();
        assertThat(time("millis", "1763633730123 event")).contains(Instant.parse("2025-11-20T10:15:30.123Z"));
    }

    @Test
    void shouldReadTheSourcesZoneForTimesWithoutOne() {
        TimeContext paris = new TimeContext(ZoneId.of("Europe/Paris"), RECEIVED.received());
        assertThat(recognizer.recognize("paris", "2026-11-20 10:15:30 started", paris)).map(TimeRecognizer.Recognized::time)
                .contains(Instant.parse("2026-11-20T09:15:30Z"));
    }

    @Test
    void shouldUseTheLearnedLayoutAndLearnAgainWhenTheSourceChangesFormat() {
        assertThat(recognizer.recognize("app", "2026-11-20 10:15:30 ISO first", RECEIVED)).map(TimeRecognizer.Recognized::layout)
                .contains("ymd");
        // a line without a time of the learned kind is only a miss, until three in a row say the format changed
        assertThat(time("app", "Nov 20 10:15:31 syslog now")).isEmpty();
        assertThat(time("app", "Nov 20 10:15:32 syslog now")).isEmpty();
        assertThat(recognizer.recognize("app", "Nov 20 10:15:33 syslog now", RECEIVED)).map(TimeRecognizer.Recognized::layout)
                .contains("month-day");
        assertThat(time("app", "Nov 20 10:15:34 syslog now")).contains(Instant.parse("2026-11-20T10:15:34Z"));
    }

    @Test
    void shouldStillLearnWhenTheSourcesFirstLinesHaveNoTime() {
        assertThat(time("banner", "=== service starting ===")).isEmpty();
        assertThat(time("banner", "2026-11-20 10:15:30 ready")).contains(Instant.parse("2026-11-20T10:15:30Z"));
        for (int i = 0; i < 20; i++) {
            assertThat(time("prose", "no time in this line " + i)).isEmpty();
        }
        assertThat(time("prose", "2026-11-20 10:15:30 finally a time")).isEmpty(); // tried again less often: not on this line
    }

    @Test
    void shouldPreferTheEarliestTimeInTheLine() {
        assertThat(recognizer.recognize("bgl", "- 1117838570 2005.06.03 R02-M1 2005-06-03-15.42.50.675872 RAS KERNEL INFO", RECEIVED))
                .map(TimeRecognizer.Recognized::layout).contains("epoch");
    }
}
