package io.sluice.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.model.Alert;
import io.sluice.runtime.Connections;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.runtime.slack.FakeSlack;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The alerting service (the jar {@code ./sluice up} runs) killed with SIGKILL right after Slack accepted
 * a message and before the service recorded it: on restart the uncommitted alerts are posted again —
 * each at most once more — and a later restart posts nothing old.
 */
@SluiceIntegrationTest
class AlertDeliveryCrashIT {

    private static final int ALERTS = 30;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final FakeSlack slack = new FakeSlack();

    @Test
    void shouldPostAnAlertAtMostTwiceAcrossAKillAndNeverReplayCommittedOnes(TestPlatform platform) throws Exception {
        String group = AlertsTopic.deliveryGroup(run);
        AlertsTopic.startGroupAtEnd(platform.kafka(), group);
        AlertsTopic.startEvaluationAtEnd(platform.kafka(), run);
        Path rules = Files.createTempFile("no-rules", ".yml");
        Files.writeString(rules, "rules: []\n"); // only the alerts this test sends
        try (slack) {
            ChildProcess alerting = start(platform, group, rules);
            produceAlerts(platform);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> !slack.delivered().isEmpty());
            ProcessHandle.of(alerting.pid()).ifPresent(ProcessHandle::destroyForcibly);
            await().atMost(Duration.ofSeconds(10)).until(() -> !alerting.isAlive());
            alerting.close();
            int postsAtKill = slack.delivered().size();
            LoggerFactory.getLogger(AlertDeliveryCrashIT.class).info("alerting killed after {} accepted posts", postsAtKill);

            ChildProcess restarted = start(platform, group, rules);
            try {
                await().atMost(Duration.ofMinutes(2)).until(() -> postsPerAlert().size() == ALERTS);
            } finally {
                restarted.close(); // graceful: the batch is committed
            }
            Map<String, Integer> perAlert = postsPerAlert();
            assertThat(perAlert.values()).allSatisfy(posts -> assertThat(posts).isBetween(1, 2));
            long duplicated = perAlert.values().stream().filter(posts -> posts == 2).count();
            LoggerFactory.getLogger(AlertDeliveryCrashIT.class).info("{} of {} alerts posted twice", duplicated, ALERTS);
            assertThat(duplicated).as("only what was posted before the kill comes twice").isLessThanOrEqualTo(20L * postsAtKill);

            int postsBefore = slack.delivered().size();
            ChildProcess again = start(platform, group, rules);
            try {
                Thread.sleep(15_000);
            } finally {
                again.close();
            }
            assertThat(slack.delivered()).as("a restart replays no committed alert").hasSize(postsBefore);
        }
    }

    /** How many accepted posts mention each of this run's alerts (digests name each alert's group in bold). */
    private Map<String, Integer> postsPerAlert() {
        Map<String, Integer> counts = new HashMap<>();
        Pattern name = Pattern.compile("\\*(crash-" + run + "-\\d+)\\*");
        for (String body : slack.received()) {
            Matcher matcher = name.matcher(body);
            while (matcher.find()) {
                counts.merge(matcher.group(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    private ChildProcess start(TestPlatform platform, String group, Path rules) {
        ServiceLauncher launcher = new ServiceLauncher(RuntimeSettings.of(Profile.TEST, System.getenv()),
                platform.connections());
        return launcher.start(Service.ALERTING, Map.of("SLACK_WEBHOOK_URL", slack.webhookUrl()), List.of(
                "--spring.kafka.consumer.group-id=" + group,
                "--spring.kafka.streams.application-id=" + AlertsTopic.evaluationId(run),
                "--sluice.alerting.rules-file=" + rules));
    }

    private void produceAlerts(TestPlatform platform) {
        Instant now = Instant.now();
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            alerts.add(AlertsTopic.firing("crash", "crash-" + run + "-" + i, null, now));
        }
        AlertsTopic.produce(platform.kafka(), alerts);
    }
}
