package io.sluice.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.model.Alert;
import io.sluice.model.LogEvent;
import io.sluice.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorThresholdTopologyTest {

    private static final Instant MINUTE = Instant.parse("2026-11-22T10:15:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, LogEvent> enriched;
    private TestOutputTopic<String, Alert> alerts;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        ErrorThresholdTopology.build(builder, 3, Duration.ofMinutes(1), Duration.ofSeconds(30));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "error-threshold-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config);
        enriched = driver.createInputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().serializer(),
                Topics.ENRICHED.valueSerde().serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void log(String service, String level, Instant at, String message) {
        LogEvent event = new LogEvent(at, message, level, service, null, null, null, UUID.randomUUID().toString(),
                at, null, null);
        // Kafka's timestamp says "now"; the window must follow the event's own time
        enriched.pipeInput(service, event, Instant.parse("2026-11-22T12:00:00Z"));
    }

    @Test
    void shouldAlertOnceWhenTheThresholdIsReachedAndNotAgainInTheSameWindow() {
        for (int i = 0; i < 7; i++) {
            log("checkout", "ERROR", MINUTE.plusSeconds(i), "timeout #" + i);
        }

        List<Alert> fired = alerts.readValuesToList();
        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.service()).isEqualTo("checkout");
            assertThat(alert.count()).isEqualTo(3);
            assertThat(alert.threshold()).isEqualTo(3);
            assertThat(alert.windowStart()).isEqualTo(MINUTE);
            assertThat(alert.windowEnd()).isEqualTo(MINUTE.plusSeconds(60));
            assertThat(alert.sampleMessage()).isEqualTo("timeout #0");
            assertThat(alert.ruleId()).isEqualTo(ErrorThresholdTopology.RULE_ID);
        });
    }

    @Test
    void shouldNotAlertBelowTheThresholdOrForOtherLevels() {
        log("checkout", "ERROR", MINUTE, "one");
        log("checkout", "FATAL", MINUTE.plusSeconds(1), "two");
        log("checkout", "WARN", MINUTE.plusSeconds(2), "not an error");
        log("checkout", "INFO", MINUTE.plusSeconds(3), "not an error");
        log("payments", "ERROR", MINUTE.plusSeconds(4), "other service");

        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldCountEachServiceAndWindowApart() {
        for (int i = 0; i < 3; i++) {
            log("checkout", "ERROR", MINUTE.plusSeconds(i), "a");
            log("payments", "ERROR", MINUTE.plusSeconds(i), "b");
            log("checkout", "ERROR", MINUTE.plusSeconds(60 + i), "c");
        }

        assertThat(alerts.readValuesToList()).extracting(Alert::dedupeKey).containsExactlyInAnyOrder(
                "error-threshold-v1/checkout/" + MINUTE.toEpochMilli(),
                "error-threshold-v1/payments/" + MINUTE.toEpochMilli(),
                "error-threshold-v1/checkout/" + MINUTE.plusSeconds(60).toEpochMilli());
    }

    @Test
    void shouldIgnoreEventsLaterThanTheGracePeriod() {
        log("checkout", "ERROR", MINUTE, "in time");
        log("checkout", "ERROR", MINUTE.plusSeconds(1), "in time");
        log("other", "ERROR", MINUTE.plusSeconds(200), "moves the aggregation's stream time past window end + grace");
        log("checkout", "ERROR", MINUTE.plusSeconds(2), "too late");

        assertThat(alerts.isEmpty()).isTrue();
    }
}
