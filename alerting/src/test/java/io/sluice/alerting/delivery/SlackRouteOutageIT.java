package io.sluice.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.sluice.model.Alert;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The alerting service (the jar {@code ./sluice up} runs) with one Slack route whose host never
 * resolves: the healthy route's alerts are posted within seconds, even those decided after the broken
 * route's; the broken route's alerts are recorded {@code UNDELIVERED} on {@code alerts.v1} once their
 * delivery time runs out, the health names the route, and nothing is posted twice.
 */
@SluiceIntegrationTest
class SlackRouteOutageIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldDeliverTheHealthyRouteWhileAnotherIsDownAndRecordTheDownOnesUndelivered(TestPlatform platform) throws Exception {
        String group = AlertsTopic.deliveryGroup(run);
        AlertsTopic.startGroupAtEnd(platform.kafka(), group);
        AlertsTopic.startEvaluationAtEnd(platform.kafka(), run);
        Path rules = Files.createTempFile("no-rules", ".yml");
        Files.writeString(rules, "rules: []\n");
        try (FakeSlack slack = new FakeSlack(); ChildProcess alerting = start(platform, group, rules, slack)) {
            Instant now = Instant.now();
            List<Alert> first = List.of(AlertsTopic.firing("outage", "pay-" + run + "-1", "payments", now),
                    AlertsTopic.firing("outage", "ok-" + run + "-1", null, now));
            AlertsTopic.produce(platform.kafka(), first);
            await().atMost(Duration.ofSeconds(60)).until(() -> slackMentions(slack, "ok-" + run + "-1") == 1);

            Instant later = Instant.now();
            AlertsTopic.produce(platform.kafka(), List.of(AlertsTopic.firing("outage", "pay-" + run + "-2", "payments", later),
                    AlertsTopic.firing("outage", "ok-" + run + "-2", null, later)));
            await().atMost(Duration.ofSeconds(5)).until(() -> slackMentions(slack, "ok-" + run + "-2") == 1);
            Duration healthyLatency = Duration.between(later, Instant.now());

            List<Alert> reports = reports(platform, 4);
            assertThat(reports).extracting(Alert::group, report -> report.delivery().outcome()).containsExactlyInAnyOrder(
                    tuple("ok-" + run + "-1", Alert.Delivery.Outcome.DELIVERED),
                    tuple("ok-" + run + "-2", Alert.Delivery.Outcome.DELIVERED),
                    tuple("pay-" + run + "-1", Alert.Delivery.Outcome.UNDELIVERED),
                    tuple("pay-" + run + "-2", Alert.Delivery.Outcome.UNDELIVERED));
            assertThat(reports).filteredOn(report -> report.delivery().outcome() == Alert.Delivery.Outcome.UNDELIVERED)
                    .allSatisfy(report -> assertThat(report.delivery().detail()).contains("route payments").doesNotContain("invalid/"));
            assertThat(slackMentions(slack, "ok-" + run + "-1")).isEqualTo(1);
            assertThat(slackMentions(slack, "ok-" + run + "-2")).isEqualTo(1);
            assertThat(String.join("\n", slack.received())).doesNotContain("pay-" + run);
            LoggerFactory.getLogger(SlackRouteOutageIT.class).info("healthy route posted {} ms after its alert was decided, "
                    + "while the other route was down", healthyLatency.toMillis());
        }
    }

    private static long slackMentions(FakeSlack slack, String group) {
        return String.join("\n", slack.received()).split("\\*" + group + "\\*", -1).length - 1;
    }

    private List<Alert> reports(TestPlatform platform, int expected) {
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(platform.kafka(), Topics.ALERTS.name(),
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(run) && isDeliveryReport(record),
                expected, Duration.ofSeconds(60));
        List<Alert> reports = new ArrayList<>();
        records.forEach(record -> reports.add(Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value())));
        return reports;
    }

    private static boolean isDeliveryReport(ConsumerRecord<String, byte[]> record) {
        Alert alert = Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        return alert != null && alert.isDeliveryReport();
    }

    private ChildProcess start(TestPlatform platform, String group, Path rules, FakeSlack slack) {
        ServiceLauncher launcher = new ServiceLauncher(RuntimeSettings.of(Profile.TEST, System.getenv()),
                platform.connections());
        return launcher.start(Service.ALERTING, Map.of("SLACK_WEBHOOK_URL", slack.webhookUrl(),
                "SLUICE_ALERTING_SLACKWEBHOOKS_PAYMENTS", "http://hooks.payments.invalid/services/T0/B0/x"), List.of(
                "--spring.kafka.consumer.group-id=" + group,
                "--spring.kafka.streams.application-id=" + AlertsTopic.evaluationId(run),
                "--sluice.alerting.rules-file=" + rules,
                "--sluice.alerting.delivery-max-retrying=10s"));
    }
}
