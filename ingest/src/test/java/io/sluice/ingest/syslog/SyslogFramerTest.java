package io.sluice.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SyslogFramerTest {

    private static SyslogFramer framer(String stream, int limit) {
        return new SyslogFramer(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), limit);
    }

    @Test
    void shouldReadOctetCountedAndLineFramedMessagesInOneStream() throws IOException {
        String counted = "<13>1 - h a - - - multi\nline";
        SyslogFramer framer = framer(counted.length() + " " + counted + "<13>plain one\r\n<13>plain two\n", 1024);

        assertThat(text(framer.next())).isEqualTo(counted);
        assertThat(text(framer.next())).isEqualTo("<13>plain one");
        assertThat(text(framer.next())).isEqualTo("<13>plain two");
        assertThat(text(framer.next())).isNull();
    }

    @Test
    void shouldSkipAnOversizedFrameAndGoOn() throws IOException {
        String big = "<13>" + "x".repeat(100);
        SyslogFramer framer = framer(big.length() + " " + big + "<13>" + "y".repeat(100) + "\n<13>after\n", 64);

        assertThatThrownBy(framer::next).isInstanceOf(SyslogFramer.FrameTooLargeException.class)
                .hasMessageContaining("104 bytes exceeds the limit of 64");
        assertThatThrownBy(framer::next).isInstanceOf(SyslogFramer.FrameTooLargeException.class);
        assertThat(text(framer.next())).isEqualTo("<13>after");
    }

    private static String text(byte[] frame) {
        return frame == null ? null : new String(frame, StandardCharsets.UTF_8);
    }
}
