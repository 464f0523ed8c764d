package io.sluice.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.alerting.slack.AlertMessages;
import io.sluice.alerting.slack.NotificationException;
import io.sluice.alerting.slack.SlackWebhookNotifier;
import io.sluice.model.Alert;
import io.sluice.runtime.testing.FakeSlack;
import io.sluice.runtime.testing.FakeSlack.Answer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatcher against a local HTTP server standing in for Slack, on the real clock. */
class AlertDispatcherTest {

    private static final Instant START = Instant.parse("2026-11-22T10:15:00Z");

    private final FakeSlack slack = new FakeSlack();
    private final List<Alert> reports = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        slack.close();
    }

    private AlertDispatcher dispatcher(Duration maxRetrying) {
        return dispatcher(new SlackRoutes(URI.create(slack.webhookUrl()), Map.of()), maxRetrying);
    }

    private AlertDispatcher dispatcher(SlackRoutes routes, Duration maxRetrying) {
        return new AlertDispatcher(routes, new AlertMessages("https://kibana.example.com"), new SlackWebhookNotifier(Duration.ofSeconds(5)),
                new Pacer(AlertDispatcher.SLACK_INTERVAL, Clock.systemUTC(), Pacer.Sleeper.real()), Pacer.Sleeper.real(),
                Clock.systemUTC(), reports::add, maxRetrying);
    }

    static Alert alert(String group) {
        return new Alert("rule/" + group + "@1#1", "rule/" + group, Alert.State.FIRING, "rule", "threshold", "Errors",
                "service.name", group, group, null, 12, 10, START, START.plusSeconds(60), List.of("boom"), null,
                "service.name:\"" + group + "\"", null, null, 1, START, START, null);
    }

    private List<Alert.Delivery.Outcome> outcomes() {
        return reports.stream().map(report -> report.delivery().outcome()).toList();
    }

    @Test
    void shouldDigestAHundredAlertsIntoFewMessagesAtMostOnePerSecond() {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            alerts.add(alert("service-" + i));
        }

        dispatcher(Duration.ofMinutes(1)).deliver(alerts);

        List<FakeSlack.Post> posts = slack.delivered();
        assertThat(posts).hasSize(100 / AlertMessages.DIGEST_SIZE);
        for (int i = 1; i < posts.size(); i++) {
            assertThat(Duration.between(posts.get(i - 1).at(), posts.get(i).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        String all = String.join("\n", slack.received());
        for (int i = 0; i < 100; i++) {
            assertThat(all).contains("*service-" + i + "*");
        }
        assertThat(reports).hasSize(100).allSatisfy(report -> {
            assertThat(report.delivery().outcome()).isEqualTo(Alert.Delivery.Outcome.DELIVERED);
            assertThat(report.delivery().detail()).isEqualTo("in a digest of 20");
        });
    }

    @Test
    void shouldWaitOutRetryAfterAndDeliverOnce() {
        slack.answer(post -> post == 0 ? Answer.rateLimited(3) : Answer.OK);
        long started = System.nanoTime();

        dispatcher(Duration.ofMinutes(1)).deliver(List.of(alert("checkout")));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(slack.attempts()).isEqualTo(2);
        assertThat(slack.delivered()).hasSize(1);
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.delivery().outcome()).isEqualTo(Alert.Delivery.Outcome.DELIVERED);
            assertThat(report.delivery().attempts()).isEqualTo(2);
        });
    }

    @Test
    void shouldKeepTryingThroughAMinuteOf5xxAndDeliverAfter() {
        Instant outageEnds = Instant.now().plusSeconds(60);
        slack.answer(post -> Instant.now().isBefore(outageEnds) ? new Answer(503, "service unavailable", Map.of()) : Answer.OK);

        dispatcher(Duration.ofMinutes(4)).deliver(List.of(alert("checkout")));

        assertThat(slack.delivered()).singleElement().satisfies(post -> assertThat(post.at()).isAfterOrEqualTo(outageEnds));
        assertThat(slack.attempts()).isBetween(3, 12); // backed off: 1, 2, 4 … 30 s, not hammered
        assertThat(outcomes()).containsExactly(Alert.Delivery.Outcome.DELIVERED);
    }

    @Test
    void shouldNotRetryInvalidPayloadAndReportIt() {
        slack.answer(post -> new Answer(400, "invalid_payload", Map.of()));

        dispatcher(Duration.ofMinutes(1)).deliver(List.of(alert("checkout")));

        assertThat(slack.attempts()).isEqualTo(1);
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.delivery().outcome()).isEqualTo(Alert.Delivery.Outcome.REFUSED);
            assertThat(report.delivery().detail()).contains("400", "invalid_payload").doesNotContain(slack.webhookUrl());
        });
    }

    @Test
    void shouldHandABatchBackAfterMaxRetryingAndNeverPostTwiceWhatWasDelivered() {
        try (FakeSlack down = new FakeSlack().answer(post -> new Answer(500, "oops", Map.of()))) {
            SlackRoutes routes = new SlackRoutes(URI.create(slack.webhookUrl()), Map.of("payments", down.webhookUrl()));
            AlertDispatcher dispatcher = dispatcher(routes, Duration.ofSeconds(2));
            Alert checkout = alert("checkout");
            Alert payments = new Alert("rule/payments@1#1", "rule/payments", Alert.State.FIRING, "rule", "threshold", "Errors",
                    "service.name", "payments", "payments", "payments", 12, 10, START, START.plusSeconds(60), List.of(), null,
                    "q", null, null, 1, START, START, null);

            assertThatThrownBy(() -> dispatcher.deliver(List.of(checkout, payments))).isInstanceOf(NotificationException.Transient.class);
            down.answer(post -> Answer.OK);
            dispatcher.deliver(List.of(checkout, payments)); // the container hands the same batch back

            assertThat(slack.delivered()).hasSize(1);
            assertThat(down.delivered()).hasSize(1);
            assertThat(reports).extracting(Alert::alertId).containsExactly("rule/checkout@1#1", "rule/payments@1#1");
        }
    }

    @Test
    void shouldSkipDeliveryReportsAndReportAlertsWithoutAWebhook() {
        AlertDispatcher dispatcher = dispatcher(new SlackRoutes(null, Map.of()), Duration.ofSeconds(1));

        dispatcher.deliver(List.of(alert("checkout"), alert("checkout").delivered(
                new Alert.Delivery(Alert.Delivery.Outcome.DELIVERED, 1, null, START))));

        assertThat(slack.attempts()).isZero();
        assertThat(outcomes()).containsExactly(Alert.Delivery.Outcome.NOT_CONFIGURED);
    }
}
