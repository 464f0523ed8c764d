package io.sluice.spring.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThreadReplacementsTest {

    private Instant now = Instant.parse("2026-11-30T05:00:00Z");
    private final ThreadReplacements replacements = new ThreadReplacements(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void shouldCallThreeReplacementsWithinFiveMinutesALoopAndSayWhatKilledTheThread() {
        replacements.replaced(new IllegalStateException("first"));
        replacements.replaced(new IllegalStateException("second"));
        assertThat(replacements.problem()).as("two replacements are hiccups").isEmpty();

        now = now.plusSeconds(30);
        replacements.replaced(new org.apache.kafka.common.errors.RecordTooLargeException("The message is 1500000 bytes\nmore"));

        assertThat(replacements.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .isEqualTo("Kafka Streams thread replaced 3 times in the last 5 min (3 in all); last failure: "
                        + "RecordTooLargeException: The message is 1500000 bytes"));
        assertThat(replacements.total()).isEqualTo(3);
    }

    @Test
    void shouldForgetReplacementsOlderThanTheWindow() {
        for (int i = 0; i < 3; i++) {
            replacements.replaced(new IllegalStateException("boom"));
        }
        now = now.plus(ThreadReplacements.WINDOW).plus(Duration.ofSeconds(1));

        assertThat(replacements.problem()).isEmpty();
        assertThat(replacements.total()).isEqualTo(3);
    }
}
