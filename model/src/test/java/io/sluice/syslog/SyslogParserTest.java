package io.sluice.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SyslogParserTest {

    private final SyslogParser parser = new SyslogParser(Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void shouldParseRfc5424WithStructuredData() {
        SyslogMessage message = parser.parse("<165>1 2026-11-22T10:15:30.123+01:00 web-1 checkout 4711 ID47 "
                + "[exampleSDID@32473 iut=\"3\" eventSource=\"Appl\\\"ication\"][meta x=\"y\"] \uFEFFpayment failed");

        assertThat(message.facility()).isEqualTo(20);
        assertThat(message.severity()).isEqualTo(5);
        assertThat(message.level()).isEqualTo("INFO");
        assertThat(message.timestamp()).isEqualTo(Instant.parse("2026-11-22T09:15:30.123Z"));
        assertThat(message.hostname()).isEqualTo("web-1");
        assertThat(message.appName()).isEqualTo("checkout");
        assertThat(message.procId()).isEqualTo("4711");
        assertThat(message.msgId()).isEqualTo("ID47");
        assertThat(message.structuredData()).containsEntry("sd.exampleSDID@32473.iut", "3")
                .containsEntry("sd.exampleSDID@32473.eventSource", "Appl\"ication").containsEntry("sd.meta.x", "y");
        assertThat(message.message()).isEqualTo("payment failed");
        assertThat(message.labels()).containsEntry("log.syslog.priority", "165").containsEntry("log.syslog.facility.code", "20")
                .containsEntry("log.syslog.facility.name", "local4").containsEntry("log.syslog.severity.code", "5")
                .containsEntry("log.syslog.severity.name", "notice").containsEntry("log.syslog.appname", "checkout")
                .containsEntry("log.syslog.hostname", "web-1").containsEntry("log.syslog.procid", "4711")
                .containsEntry("log.syslog.msgid", "ID47").containsEntry("process.name", "checkout").containsEntry("process.pid", "4711");
    }

    @Test
    void shouldParseRfc5424WithNilValues() {
        SyslogMessage message = parser.parse("<11>1 - - - - - - disk failure");

        assertThat(message.level()).isEqualTo("ERROR");
        assertThat(message.timestamp()).isNull();
        assertThat(message.appName()).isNull();
        assertThat(message.message()).isEqualTo("disk failure");
        assertThat(message.labels()).doesNotContainKeys("log.syslog.appname", "process.name", "process.pid", "log.syslog.msgid");
    }

    @Test
    void shouldParseRfc3164WithTagAndPid() {
        SyslogMessage message = parser.parse("<34>Nov  2 22:14:15 mymachine su[123]: 'su root' failed for lonvick on /dev/pts/8");

        assertThat(message.level()).isEqualTo("FATAL");
        assertThat(message.timestamp()).isEqualTo(Instant.parse("2026-11-02T22:14:15Z"));
        assertThat(message.hostname()).isEqualTo("mymachine");
        assertThat(message.appName()).isEqualTo("su");
        assertThat(message.procId()).isEqualTo("123");
        assertThat(message.message()).isEqualTo("'su root' failed for lonvick on /dev/pts/8");
    }

    @Test
    void shouldGiveAYearlessDateTheYearThatIsNotInTheFuture() {
        SyslogParser onNewYearsDay = new SyslogParser(Clock.fixed(Instant.parse("2027-01-01T00:05:00Z"), ZoneOffset.UTC));

        assertThat(onNewYearsDay.parse("<13>Dec 31 23:59:58 host app: late line").timestamp())
                .isEqualTo(Instant.parse("2026-12-31T23:59:58Z"));
        assertThat(onNewYearsDay.parse("<13>Jan  1 00:04:00 host app: fresh line").timestamp())
                .isEqualTo(Instant.parse("2027-01-01T00:04:00Z"));
    }

    @Test
    void shouldTrimTheSpacesAndLineEndSendersLeaveAroundTheMessage() {
        assertThat(parser.parse("<13>1 2026-11-22T10:00:00Z h app - - -  leading space from rsyslog\n").message())
                .isEqualTo("leading space from rsyslog");
        assertThat(parser.parse("<13>Nov 22 10:00:00 h app:  two spaces\r\n").message()).isEqualTo("two spaces");
    }

    @Test
    void shouldRefuseWhatIsNotSyslog() {
        assertThatThrownBy(() -> parser.parse("hello")).isInstanceOf(SyslogFormatException.class);
        assertThatThrownBy(() -> parser.parse("<999>1 - - - - - -")).hasMessageContaining("191");
        assertThatThrownBy(() -> parser.parse("<13>1 yesterday h a p m - x")).hasMessageContaining("RFC 3339");
    }
}
