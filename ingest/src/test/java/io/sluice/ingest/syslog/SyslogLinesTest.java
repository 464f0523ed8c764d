package io.sluice.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ingest.lines.NdjsonSplitter;
import io.sluice.ingest.lines.RawLine;
import io.sluice.syslog.SyslogParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Syslog frames to raw lines, bytes kept: what is not valid UTF-8 reaches Kafka exactly as sent. */
class SyslogLinesTest {

    private final SyslogLines lines = new SyslogLines(new SyslogParser(Clock.systemUTC()),
            new NdjsonSplitter(64 * 1024, 20, Clock.systemUTC()), "unknown");

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A stray byte, an overlong '/', a lone surrogate, a NUL. */
    @ParameterizedTest
    @ValueSource(strings = {"FF", "C0AF", "EDA080", "00"})
    void shouldKeepTheMessageBytesOfAnRfc5424FrameExactly(String hex) {
        byte[] message = concat("before ", HexFormat.of().parseHex(hex), " after");
        byte[] frame = concat("<11>1 2026-11-30T05:00:00Z host-1 pay 77 - - ", message, "");

        RawLine line = lines.of(frame).orElseThrow();

        assertThat(line.bytes()).isEqualTo(message);
        assertThat(line.service()).isEqualTo("pay");
        assertThat(line.attributes().level()).isEqualTo("ERROR");
    }

    @Test
    void shouldKeepTheBytesOfAnRfc3164FrameAndDecodeUtf8HeaderFieldsAndStructuredData() {
        byte[] invalid = concat("caf", new byte[] {(byte) 0xE9}, " latin-1 in a UTF-8 world");
        RawLine old = lines.of(concat("<13>Nov 30 05:00:00 edge-1 nginx[9]: ", invalid, "")).orElseThrow();
        assertThat(old.bytes()).isEqualTo(invalid);
        assertThat(old.service()).isEqualTo("nginx");

        RawLine modern = lines.of(("<14>1 2026-11-30T05:00:00Z hôte-1 café - - [meta@1 ville=\"Zürich\"] \uFEFFbonjour ✓")
                .getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(modern.service()).isEqualTo("café");
        assertThat(modern.host()).isEqualTo("hôte-1");
        assertThat(modern.attributes().labels()).containsValue("Zürich");
        assertThat(new String(modern.bytes(), StandardCharsets.UTF_8)).isEqualTo("bonjour ✓");
    }
}
