package io.sluice.alerting.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.alerting.rules.RuleFile;
import io.sluice.model.Alert;
import io.sluice.model.LogEvent;
import io.sluice.topics.Topics;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each rule type, alone, through the real topology: it fires exactly once for its scenario, and resolves. */
class AlertingTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, LogEvent> enriched;
    private TestOutputTopic<String, Alert> alerts;
    private Instant wallClock = T0;
    private int sequence;

    private void rules(String yaml) throws Exception {
        start(new RuleSet(RuleFile.parse(yaml, "test")), T0);
    }

    private void start(RuleSet rules, Instant wallClockAtStart) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        AlertingTopology.build(builder, rules);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerting-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("alerting-test").toString());
        driver = new TopologyTestDriver(builder.build(), config, wallClockAtStart);
        enriched = driver.createInputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().serializer(),
                Topics.ENRICHED.valueSerde().serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private void log(String service, String level, Instant at, String message) {
        log(service, level, at, message, null);
    }

    private void log(String service, String level, Instant at, String message, String fingerprint) {
        LogEvent event = new LogEvent(at, message, level, service, "host-1", null, null, service + "-" + sequence++, at, null,
                Map.of("team", "team-" + service), fingerprint == null ? null : "java.lang.IllegalStateException",
                fingerprint == null ? null : message, null, fingerprint);
        enriched.pipeInput(service, event, at);
    }

    /** Moves the wall clock in one-second steps, so the evaluator ticks as it would live. */
    private void advanceTo(Instant time) {
        while (wallClock.isBefore(time)) {
            wallClock = wallClock.plusSeconds(1);
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }
    }

    private List<Alert> alerts() {
        return new ArrayList<>(alerts.readValuesToList());
    }

    @Test
    void thresholdFiresOnceWhenCrossedAndResolvesAfterAQuietWindow() throws Exception {
        rules("""
                rules:
                  - { id: checkout-errors, type: threshold, threshold: 3, window: 1m, grace: 10s }
                """);
        for (int i = 0; i < 5; i++) {
            log("checkout", "ERROR", T0.plusSeconds(1 + i), "payment failed " + i);
        }
        List<Alert> fired = alerts();
        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(Alert.State.FIRING);
            assertThat(alert.value()).isEqualTo(3);
            assertThat(alert.group()).isEqualTo("checkout");
            assertThat(alert.team()).isEqualTo("team-checkout");
            assertThat(alert.windowStart()).isEqualTo(T0);
            assertThat(alert.samples()).containsExactly("payment failed 0", "payment failed 1", "payment failed 2");
            assertThat(alert.query()).isEqualTo("log.level:(\"ERROR\" or \"FATAL\") and service.name:\"checkout\"");
        });

        advanceTo(T0.plusSeconds(120 + 10 + 9));
        assertThat(alerts()).isEmpty();
        advanceTo(T0.plusSeconds(120 + 10 + 10));
        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(Alert.State.RESOLVED);
            assertThat(alert.dedupeKey()).isEqualTo(fired.get(0).dedupeKey());
        });
        advanceTo(T0.plusSeconds(600));
        assertThat(alerts()).isEmpty();
    }

    @Test
    void ratioFiresWhenAClosedWindowCrossesAndResolvesWhenOneDoesNot() throws Exception {
        rules("""
                rules:
                  - { id: error-ratio, type: ratio, ratio: 0.5, min-events: 4, window: 1m, grace: 10s }
                """);
        log("payments", "ERROR", T0.plusSeconds(1), "declined");
        log("payments", "ERROR", T0.plusSeconds(2), "declined");
        log("payments", "ERROR", T0.plusSeconds(3), "declined");
        log("payments", "INFO", T0.plusSeconds(4), "ok");
        assertThat(alerts()).isEmpty(); // a ratio is only known when its window has closed
        advanceTo(T0.plusSeconds(80));
        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(Alert.State.FIRING);
            assertThat(alert.value()).isEqualTo(0.75);
            assertThat(alert.threshold()).isEqualTo(0.5);
        });
        for (int i = 0; i < 4; i++) {
            log("payments", "INFO", T0.plusSeconds(81 + i), "ok");
        }
        advanceTo(T0.plusSeconds(140));
        assertThat(alerts()).singleElement().extracting(Alert::state).isEqualTo(Alert.State.RESOLVED);
        advanceTo(T0.plusSeconds(600));
        assertThat(alerts()).isEmpty();
    }

    @Test
    void newErrorFiresOnAnUnseenFingerprintOnlyAndResolvesWhenItStops() throws Exception {
        rules("""
                rules:
                  - { id: new-errors, type: new-error, window: 2m, grace: 10s }
                """);
        log("checkout", "ERROR", T0.plusSeconds(1), "boom", "fp-1");
        log("checkout", "ERROR", T0.plusSeconds(30), "boom", "fp-1");
        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(Alert.State.FIRING);
            assertThat(alert.ruleType()).isEqualTo("new-error");
            assertThat(alert.fingerprint()).isEqualTo("fp-1");
            assertThat(alert.group()).isEqualTo("fp-1");
        });
        advanceTo(T0.plusSeconds(30 + 120 + 10 + 10));
        assertThat(alerts()).singleElement().extracting(Alert::state).isEqualTo(Alert.State.RESOLVED);
        log("checkout", "ERROR", T0.plusSeconds(300), "boom again", "fp-1"); // seen 5 minutes ago: not new
        advanceTo(T0.plusSeconds(400));
        assertThat(alerts()).isEmpty();
    }

    @Test
    void absenceFiresWhenAServiceGoesSilentAndResolvesWithItsNextEvent() throws Exception {
        rules("""
                rules:
                  - { id: billing-silent, type: absence, for: 2m, match: { service: billing } }
                """);
        log("billing", "INFO", T0, "invoice sent");
        log("checkout", "INFO", T0, "not billing");
        advanceTo(T0.plusSeconds(119));
        assertThat(alerts()).isEmpty();
        advanceTo(T0.plusSeconds(120));
        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(Alert.State.FIRING);
            assertThat(alert.group()).isEqualTo("billing");
            assertThat(alert.value()).isEqualTo(2.0);
        });
        advanceTo(T0.plusSeconds(300));
        assertThat(alerts()).isEmpty();
        log("billing", "INFO", T0.plusSeconds(300), "back");
        assertThat(alerts()).singleElement().extracting(Alert::state).isEqualTo(Alert.State.RESOLVED);
    }

    @Test
    void patternFiresOnTheFirstMatchingEventAndResolves() throws Exception {
        rules("""
                rules:
                  - { id: oom, type: pattern, match: { contains: OutOfMemoryError }, window: 1m, grace: 10s }
                """);
        log("search", "ERROR", T0.plusSeconds(1), "request failed");
        log("search", "ERROR", T0.plusSeconds(2), "java.lang.OutOfMemoryError: Java heap space");
        log("search", "ERROR", T0.plusSeconds(3), "java.lang.OutOfMemoryError: Metaspace");
        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(Alert.State.FIRING);
            assertThat(alert.samples()).containsExactly("java.lang.OutOfMemoryError: Java heap space");
            assertThat(alert.query()).isEqualTo("message:\"OutOfMemoryError\" and service.name:\"search\"");
        });
        advanceTo(T0.plusSeconds(140));
        assertThat(alerts()).singleElement().extracting(Alert::state).isEqualTo(Alert.State.RESOLVED);
    }

    @Test
    void spikeFiresAgainstTheServicesOwnBaselineAndResolves() throws Exception {
        rules("""
                rules:
                  - { id: error-spike, type: spike, window: 1m, grace: 10s, baseline-windows: 3, factor: 3, min-count: 5 }
                """);
        for (int minute = 0; minute < 3; minute++) {
            log("search", "ERROR", T0.plusSeconds(minute * 60L + 5), "usual error");
            log("search", "ERROR", T0.plusSeconds(minute * 60L + 6), "usual error");
            advanceTo(T0.plusSeconds(minute * 60L + 30));
        }
        for (int i = 0; i < 5; i++) {
            log("search", "ERROR", T0.plusSeconds(180 + 1 + i), "spiking");
        }
        assertThat(alerts()).as("5 is the minimum count but not 3 x the baseline of 2").isEmpty();
        log("search", "ERROR", T0.plusSeconds(186), "spiking");
        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(Alert.State.FIRING);
            assertThat(alert.value()).isEqualTo(6);
            assertThat(alert.windowStart()).isEqualTo(T0.plusSeconds(180));
        });
        advanceTo(T0.plusSeconds(180 + 120 + 20));
        assertThat(alerts()).singleElement().extracting(Alert::state).isEqualTo(Alert.State.RESOLVED);
    }

    @Test
    void aFiringAlertIsNotifiedAgainAfterACooldownThatDoubles() throws Exception {
        rules("""
                rules:
                  - { id: checkout-errors, type: threshold, threshold: 1, window: 10m, grace: 10s, cooldown: 1m, max-cooldown: 3m }
                """);
        log("checkout", "ERROR", T0.plusSeconds(1), "boom");
        assertThat(alerts()).extracting(Alert::state).containsExactly(Alert.State.FIRING);
        List<Instant> reminders = new ArrayList<>();
        for (int second = 1; second <= 8 * 60; second++) {
            advanceTo(T0.plusSeconds(second));
            log("checkout", "ERROR", T0.plusSeconds(second), "still"); // keeps breaching: no resolve
            alerts().forEach(alert -> {
                assertThat(alert.state()).isEqualTo(Alert.State.REMINDER);
                reminders.add(wallClock);
            });
        }
        // after 1 minute, then 2 more, then 3 more (capped): at 1:00, 3:00, 6:00
        assertThat(reminders).containsExactly(T0.plusSeconds(60), T0.plusSeconds(180), T0.plusSeconds(360));
    }

    @Test
    void eventsLaterThanTheGraceAreDroppedAndCounted() throws Exception {
        RuleSet rules = new RuleSet(RuleFile.parse("""
                rules:
                  - { id: checkout-errors, type: threshold, threshold: 1, window: 1m, grace: 10s }
                """, "test"));
        start(rules, T0.plusSeconds(600));

        log("checkout", "ERROR", T0.plusSeconds(1), "ten minutes late");

        assertThat(alerts()).isEmpty();
        assertThat(rules.lateEvents()).isEqualTo(1);
    }
}
