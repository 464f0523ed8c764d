package io.sluice.shipper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultilineJoinerTest {

    private static List<String> join(String... lines) {
        MultilineJoiner joiner = new MultilineJoiner(MultilineJoiner.DEFAULT_CONTINUATION);
        List<MultilineJoiner.Event> events = new ArrayList<>();
        long offset = 0;
        for (String line : lines) {
            events.addAll(joiner.add(new MultilineJoiner.Line(offset, offset + line.length() + 1, line)));
            offset += line.length() + 1;
        }
        events.addAll(joiner.flush());
        return events.stream().map(MultilineJoiner.Event::text).toList();
    }

    @Test
    void shouldKeepAJavaStackTraceWithItsCausesInOneEvent() {
        assertThat(join(
                "2026-11-22 10:00:00 ERROR payment failed",
                "java.lang.IllegalStateException: boom",
                "\tat com.example.Pay.run(Pay.java:10)",
                "Caused by: java.io.IOException: reset",
                "\tat com.example.Net.read(Net.java:5)",
                "\t... 12 more",
                "2026-11-22 10:00:01 INFO next")).containsExactly(
                "2026-11-22 10:00:00 ERROR payment failed\njava.lang.IllegalStateException: boom\n\tat com.example.Pay.run(Pay.java:10)\nCaused by: java.io.IOException: reset"
                        + "\n\tat com.example.Net.read(Net.java:5)\n\t... 12 more",
                "2026-11-22 10:00:01 INFO next");
    }

    @Test
    void shouldKeepAPythonTracebackWithItsClosingLine() {
        assertThat(join(
                "ERROR:root:request failed",
                "Traceback (most recent call last):",
                "  File \"app.py\", line 3, in <module>",
                "    main()",
                "ValueError: bad input",
                "INFO:root:next request")).containsExactly(
                "ERROR:root:request failed\nTraceback (most recent call last):\n  File \"app.py\", line 3, in <module>"
                        + "\n    main()\nValueError: bad input",
                "INFO:root:next request");
    }

    @Test
    void shouldKeepWhereThePendingEventStarts() {
        MultilineJoiner joiner = new MultilineJoiner(MultilineJoiner.DEFAULT_CONTINUATION);
        joiner.add(new MultilineJoiner.Line(0, 10, "first"));
        List<MultilineJoiner.Event> done = joiner.add(new MultilineJoiner.Line(10, 20, "second"));

        assertThat(done).singleElement().satisfies(event -> {
            assertThat(event.offset()).isZero();
            assertThat(event.endOffset()).isEqualTo(10);
        });
        assertThat(joiner.pendingStart()).isEqualTo(10);
    }
}
