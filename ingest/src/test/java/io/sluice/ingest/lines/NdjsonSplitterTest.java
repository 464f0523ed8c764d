package io.sluice.ingest.lines;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NdjsonSplitterTest {

    private final NdjsonSplitter splitter =
            new NdjsonSplitter(200, 5, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

    private SplitBody split(String body) {
        return splitter.split(body.getBytes(StandardCharsets.UTF_8), "default-svc", null);
    }

    @Test
    void shouldTakeServiceHostAndIdFromJsonLines() {
        SplitBody body = split("{\"service.name\":\"checkout\",\"host.name\":\"web-1\",\"event.id\":\"e-1\",\"message\":\"hi\"}\n");

        RawLine line = body.accepted().get(0);
        assertThat(line.service()).isEqualTo("checkout");
        assertThat(line.host()).isEqualTo("web-1");
        assertThat(line.eventId()).isEqualTo("e-1");
    }

    @Test
    void shouldReadEcsNestedFormToo() {
        SplitBody body = split("{\"service\":{\"name\":\"cart\",\"version\":\"1\"},\"event\":{\"id\":\"e-2\"},\"host\":{\"name\":\"h\"}}");

        assertThat(body.accepted()).singleElement().satisfies(line -> {
            assertThat(line.service()).isEqualTo("cart");
            assertThat(line.eventId()).isEqualTo("e-2");
            assertThat(line.host()).isEqualTo("h");
        });
    }

    @Test
    void shouldGivePlainLinesTheRequestServiceAndANewId() {
        SplitBody body = split("plain one\r\n\n   \nplain two");

        assertThat(body.accepted()).extracting(RawLine::service).containsExactly("default-svc", "default-svc");
        assertThat(body.accepted()).extracting(RawLine::lineNumber).containsExactly(1, 4);
        assertThat(new String(body.accepted().get(0).bytes(), StandardCharsets.UTF_8)).isEqualTo("plain one");
        assertThat(body.accepted().get(0).eventId()).isNotEqualTo(body.accepted().get(1).eventId());
    }

    @Test
    void shouldRejectOnlyTheOverlongLine() {
        SplitBody body = split("short\n" + "x".repeat(201) + "\nalso short");

        assertThat(body.accepted()).hasSize(2);
        assertThat(body.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.lineNumber()).isEqualTo(2);
            assertThat(rejection.reason()).contains("201 bytes", "limit is 200");
            assertThat(rejection.code()).isEqualTo(io.sluice.topics.DeadLetterCode.TOO_LARGE);
        });
    }

    @Test
    void shouldForwardMalformedJsonForTheProcessorToDeadLetter() {
        SplitBody body = split("{\"message\": \"unterminated");

        assertThat(body.accepted()).singleElement().satisfies(line -> assertThat(line.service()).isEqualTo("default-svc"));
    }

    @Test
    void shouldTakeAJsonArrayElementByElementKeepingTheSendersBytes() {
        SplitBody body = split(" [ {\"service\":\"a\", \"message\":\"one\"} ,{\"message\":[1,2]}]\n");

        assertThat(body.accepted()).extracting(line -> new String(line.bytes(), StandardCharsets.UTF_8))
                .containsExactly("{\"service\":\"a\", \"message\":\"one\"}", "{\"message\":[1,2]}");
        assertThat(body.accepted()).extracting(RawLine::service).containsExactly("a", "default-svc");
        assertThat(body.accepted()).extracting(RawLine::lineNumber).containsExactly(1, 2);
    }

    @Test
    void shouldRefuseABrokenArrayAsAWholeWhenTheBodySaysItIsJson() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> split("[{\"a\":1}, {\"b\":", "application/json"))
                .isInstanceOf(MalformedBodyException.class).hasMessageStartingWith("malformed JSON array");
    }

    @Test
    void shouldTakePlainTextAsLinesWhateverItsFirstCharacter() {
        SplitBody body = split("[INFO] started\n[2026-11-30 10:15:30] WARN slow", "text/plain; charset=utf-8");

        assertThat(body.rejected()).isEmpty();
        assertThat(body.accepted()).extracting(line -> new String(line.bytes(), StandardCharsets.UTF_8))
                .containsExactly("[INFO] started", "[2026-11-30 10:15:30] WARN slow");
    }

    @Test
    void shouldTakeABodyWithoutATypeThatIsNotJsonAsLines() {
        assertThat(split("[INFO] started\n[WARN] slow", null).accepted()).hasSize(2);
        assertThat(split("[{\"a\":1}, {\"b\":", null).accepted()).hasSize(1);
        assertThat(split("[{\"message\":\"a\"},{\"message\":\"b\"},{\"message\":\"c\"}]", null).accepted()).hasSize(3);
    }

    @Test
    void shouldTakeNdjsonLinesStartingWithABracketAsLines() {
        assertThat(split("[1, 2, 3]\n[4]", "application/x-ndjson").accepted()).hasSize(2);
    }

    private SplitBody split(String body, String contentType) {
        return splitter.split(body.getBytes(StandardCharsets.UTF_8), contentType, "default-svc", null);
    }

    @Test
    void shouldRejectALineNestedDeeperThanTheLimit() {
        SplitBody body = split("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":1}}}}}}\n{\"a\":{\"b\":{\"c\":{\"d\":1}}}}");

        assertThat(body.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.lineNumber()).isEqualTo(1);
            assertThat(rejection.reason()).isEqualTo("JSON nested deeper than 5 levels");
            assertThat(rejection.code()).isEqualTo(io.sluice.topics.DeadLetterCode.TOO_DEEP);
        });
        assertThat(body.accepted()).extracting(RawLine::lineNumber).containsExactly(2);
    }
}
