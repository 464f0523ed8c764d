package io.sluice.alerting.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.alerting.delivery.AlertsTopic;
import io.sluice.model.Alert;
import io.sluice.model.LogEvent;
import io.sluice.runtime.Connections;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.runtime.slack.FakeSlack;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The alerting service killed with SIGKILL while an alert is firing: the restarted service restores
 * the rule's state from its changelog — it does not announce the alert again, and it still resolves it.
 */
@SluiceIntegrationTest
class AlertStateRestartIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String service = "restart-" + run;

    @Test
    void shouldNeitherReannounceNorForgetAFiringAlertAcrossAKill(TestPlatform platform) throws Exception {
        Path rules = Files.createTempFile("restart-rules", ".yml");
        Files.writeString(rules, "rules:\n  - { id: restart-errors, type: threshold, threshold: 3, window: 20s, grace: 2s,"
                + " match: { service: " + service + " } }\n");
        // evaluation and delivery both start at the end of their topics: only this test's events and alerts
        AlertsTopic.startEvaluationAtEnd(platform.kafka(), run);
        AlertsTopic.startGroupAtEnd(platform.kafka(), AlertsTopic.deliveryGroup(run));
        try (FakeSlack slack = new FakeSlack()) {
            ChildProcess alerting = start(platform, slack, rules);
            produceErrors(platform, 3);
            await().atMost(Duration.ofMinutes(2)).until(() -> posts(slack, "*FIRING*") == 1);
            // its delivery report on alerts.v1 means the delivery batch is done: a duplicate post after the kill
            // would then come from the evaluation announcing again, which is what this test is about
            await().atMost(Duration.ofSeconds(30)).until(() -> decisions(platform).stream().anyMatch(Alert::isDeliveryReport));
            Thread.sleep(2_000);
            ProcessHandle.of(alerting.pid()).ifPresent(ProcessHandle::destroyForcibly);
            await().atMost(Duration.ofSeconds(10)).until(() -> !alerting.isAlive());
            alerting.close();

            ChildProcess restarted = start(platform, slack, rules);
            try {
                produceErrors(platform, 1);
                await().atMost(Duration.ofMinutes(2)).until(() -> posts(slack, "*RESOLVED*") == 1);
            } finally {
                restarted.close();
            }
            List<Alert.State> decided = decisions(platform).stream().filter(alert -> !alert.isDeliveryReport()).map(Alert::state).toList();
            assertThat(decided).as("decided once each, across the kill").containsExactly(Alert.State.FIRING, Alert.State.RESOLVED);
            assertThat(posts(slack, "*FIRING*")).as("announced once").isEqualTo(1);
        }
    }

    /** This run's records on alerts.v1, read_committed, in order. */
    private List<Alert> decisions(TestPlatform platform) {
        String key = "restart-errors/" + service;
        return TopicRecords.read(platform.kafka(), Topics.ALERTS.name(), record -> key.equals(record.key()), 100,
                        Duration.ofSeconds(3)).stream()
                .map(record -> Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value())).toList();
    }

    private long posts(FakeSlack slack, String state) {
        return slack.received().stream().filter(body -> body.contains("*" + service + "*") && body.contains(state)).count();
    }

    private ChildProcess start(TestPlatform platform, FakeSlack slack, Path rules) throws Exception {
        return startAlerting(platform, slack, rules, run);
    }

    /**
     * The alerting service as {@code ./sluice up} runs it, with the test's rules, its own evaluation
     * (application id {@code sluice-alerting-<run>}) and delivery group ({@code sluice-alert-delivery-<run>}), delivering to
     * {@code slack}; the caller starts both at the end of their topics first.
     */
    static ChildProcess startAlerting(TestPlatform platform, FakeSlack slack, Path rules, String run) throws Exception {
        ServiceLauncher launcher = new ServiceLauncher(RuntimeSettings.of(Profile.TEST, System.getenv()),
                platform.connections());
        return launcher.start(Service.ALERTING, Map.of("SLACK_WEBHOOK_URL", slack.webhookUrl()), List.of(
                "--spring.kafka.consumer.group-id=" + AlertsTopic.deliveryGroup(run),
                "--spring.kafka.streams.application-id=" + AlertsTopic.evaluationId(run),
                "--sluice.alerting.rules-file=" + rules));
    }

    private void produceErrors(TestPlatform platform, int count) {
        try (KafkaProducer<String, LogEvent> producer = new KafkaProducer<>(platform.kafka().with(Map.of(ProducerConfig.ACKS_CONFIG, "all")), Topics.ENRICHED.keySerde().serializer(),
                Topics.ENRICHED.valueSerde().serializer())) {
            for (int i = 0; i < count; i++) {
                Instant now = Instant.now();
                producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), service, new LogEvent(now, "boom " + i, "ERROR", service,
                        "h", null, null, service + "-" + UUID.randomUUID(), now, null, Map.of())));
            }
            producer.flush();
        }
    }
}
