package io.sluice.alerting.delivery;

import io.sluice.time.Sleeper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.sluice.alerting.slack.AlertMessages;
import io.sluice.alerting.slack.SlackWebhookNotifier;
import io.sluice.model.Alert;
import io.sluice.runtime.slack.FakeSlack;
import io.sluice.runtime.slack.FakeSlack.Answer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatcher against a local HTTP server standing in for Slack, on the real clock. */
class AlertDispatcherTest {

    private static final Instant START = Instant.parse("2026-11-22T10:15:00Z");

    private final FakeSlack slack = new FakeSlack();
    private final List<Alert> reports = new CopyOnWriteArrayList<>();

    private final List<AlertDispatcher> dispatchers = new ArrayList<>();

    @AfterEach
    void close() {
        dispatchers.forEach(AlertDispatcher::close);
        slack.close();
    }

    private AlertDispatcher dispatcher(Duration maxRetrying) {
        return dispatcher(new SlackRoutes(URI.create(slack.webhookUrl()), Map.of()), maxRetrying);
    }

    private AlertDispatcher dispatcher(SlackRoutes routes, Duration maxRetrying) {
        return dispatcher(routes, maxRetrying, Clock.systemUTC(), Sleeper.real());
    }

    private AlertDispatcher dispatcher(SlackRoutes routes, Duration maxRetrying, Clock clock, Sleeper sleeper) {
        AlertDispatcher dispatcher = new AlertDispatcher(routes, new AlertMessages("https://kibana.example.com"),
                new SlackWebhookNotifier(Duration.ofSeconds(5)), new Pacer(AlertDispatcher.SLACK_INTERVAL, clock, sleeper),
                sleeper, clock, reports::add, maxRetrying);
        dispatchers.add(dispatcher);
        return dispatcher;
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
    void shouldDigestAHundredAlertsIntoFewMessagesAtMostOnePerSecond() throws Exception {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            alerts.add(alert("service-" + i));
        }

        dispatcher(Duration.ofMinutes(1)).deliver(alerts).get(2, TimeUnit.MINUTES);

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
    void shouldWaitOutRetryAfterAndDeliverOnce() throws Exception {
        slack.answer(post -> post == 0 ? Answer.rateLimited(3) : Answer.OK);
        long started = System.nanoTime();

        dispatcher(Duration.ofMinutes(1)).deliver(List.of(alert("checkout"))).get(1, TimeUnit.MINUTES);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(slack.attempts()).isEqualTo(2);
        assertThat(slack.delivered()).hasSize(1);
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.delivery().outcome()).isEqualTo(Alert.Delivery.Outcome.DELIVERED);
            assertThat(report.delivery().attempts()).isEqualTo(2);
        });
    }

    @Test
    void shouldKeepTryingThroughAMinuteOf5xxAndDeliverAfter() throws Exception {
        // the minute passes on a simulated clock that every pause (backoff, pacing) moves forward: the real
        // HTTP exchanges with the stand-in, none of the real waiting
        SimulatedTime time = new SimulatedTime(START);
        Instant outageEnds = START.plusSeconds(60);
        List<Instant> attempts = new CopyOnWriteArrayList<>();
        slack.answer(post -> {
            attempts.add(time.instant());
            return time.instant().isBefore(outageEnds) ? new Answer(503, "service unavailable", Map.of()) : Answer.OK;
        });

        dispatcher(new SlackRoutes(URI.create(slack.webhookUrl()), Map.of()), Duration.ofMinutes(4), time, time)
                .deliver(List.of(alert("checkout"))).get(1, TimeUnit.MINUTES);

        assertThat(slack.delivered()).hasSize(1);
        assertThat(attempts.get(attempts.size() - 1)).as("delivered once the outage was over").isAfterOrEqualTo(outageEnds);
        assertThat(attempts).hasSizeBetween(3, 12); // backed off: 1, 2, 4 … 30 s, not hammered
        assertThat(Duration.between(attempts.get(attempts.size() - 2), attempts.get(attempts.size() - 1)))
                .as("the pause grew to the cap").isEqualTo(Duration.ofSeconds(30));
        assertThat(outcomes()).containsExactly(Alert.Delivery.Outcome.DELIVERED);
    }

    /** A clock that only moves when something sleeps on it. */
    static final class SimulatedTime extends Clock implements Sleeper {

        private final java.util.concurrent.atomic.AtomicReference<Instant> now;

        SimulatedTime(Instant start) {
            this.now = new java.util.concurrent.atomic.AtomicReference<>(start);
        }

        @Override
        public void sleep(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void shouldNotRetryInvalidPayloadAndReportIt() throws Exception {
        slack.answer(post -> new Answer(400, "invalid_payload", Map.of()));

        dispatcher(Duration.ofMinutes(1)).deliver(List.of(alert("checkout"))).get(1, TimeUnit.MINUTES);

        assertThat(slack.attempts()).isEqualTo(1);
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.delivery().outcome()).isEqualTo(Alert.Delivery.Outcome.REFUSED);
            assertThat(report.delivery().detail()).contains("400", "invalid_payload").doesNotContain(slack.webhookUrl());
        });
    }

    static Alert routed(String group, String route) {
        return new Alert("rule/" + group + "@1#1", "rule/" + group, Alert.State.FIRING, "rule", "threshold", "Errors",
                "service.name", group, group, null, 12, 10, START, START.plusSeconds(60), List.of(), null, "q", null, route, 1, START,
                START, null);
    }

    @Test
    void shouldDeliverAHealthyRouteWithinSecondsWhileAnotherRouteIsDownAndGiveTheDownOnesUpAsUndelivered() throws Exception {
        // route "payments" points at a host that never resolves (.invalid is reserved for that)
        SlackRoutes routes = new SlackRoutes(URI.create(slack.webhookUrl()), Map.of("payments", "http://hooks.payments.invalid/services/x"));
        AlertDispatcher dispatcher = dispatcher(routes, Duration.ofSeconds(8));

        CompletableFuture<Void> first = dispatcher.deliver(List.of(routed("payments-1", "payments"), alert("checkout-1")));
        CompletableFuture<Void> second = dispatcher.deliver(List.of(routed("payments-2", "payments"), alert("checkout-2")));

        await().atMost(Duration.ofSeconds(3)) // normal latency: at most one pacing interval
                .until(() -> String.join("\n", slack.received()).contains("*checkout-1*") && String.join("\n", slack.received()).contains("*checkout-2*"));
        assertThat(first).isNotDone(); // payments is still being retried
        assertThat(dispatcher.routeHealth()).filteredOn(RouteHealth.Snapshot::down).singleElement()
                .satisfies(down -> assertThat(down.describe()).startsWith("route payments down since").contains("unreachable"));

        CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);
        assertThat(reports).filteredOn(report -> report.route() != null).extracting(Alert::alertId, report -> report.delivery().outcome())
                .containsExactlyInAnyOrder(tuple("rule/payments-1@1#1", Alert.Delivery.Outcome.UNDELIVERED),
                        tuple("rule/payments-2@1#1", Alert.Delivery.Outcome.UNDELIVERED));
        assertThat(reports).filteredOn(report -> report.route() == null).extracting(report -> report.delivery().outcome())
                .containsExactly(Alert.Delivery.Outcome.DELIVERED, Alert.Delivery.Outcome.DELIVERED);
        assertThat(reports).extracting(Alert::alertId).doesNotHaveDuplicates();
        String posted = String.join("\n", slack.received());
        assertThat(posted.split("\\*checkout-1\\*", -1)).as("checkout-1 posted once").hasSize(2);
        assertThat(posted.split("\\*checkout-2\\*", -1)).as("checkout-2 posted once").hasSize(2);
        assertThat(posted).doesNotContain("payments");
    }

    @Test
    void shouldNeverPostTwiceAnAlertReadAgainWhileOrAfterItsDelivery() throws Exception {
        slack.answer(post -> post < 2 ? new Answer(500, "oops", Map.of()) : Answer.OK);
        AlertDispatcher dispatcher = dispatcher(Duration.ofMinutes(1));
        Alert checkout = alert("checkout");

        CompletableFuture<Void> first = dispatcher.deliver(List.of(checkout));
        CompletableFuture<Void> again = dispatcher.deliver(List.of(checkout)); // read again, e.g. after a rebalance
        CompletableFuture.allOf(first, again).get(1, TimeUnit.MINUTES);
        dispatcher.deliver(List.of(checkout)).get(5, TimeUnit.SECONDS); // and once more after it was delivered

        assertThat(slack.delivered()).hasSize(1);
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.delivery().outcome()).isEqualTo(Alert.Delivery.Outcome.DELIVERED);
            assertThat(report.delivery().attempts()).isEqualTo(3);
        });
    }

    @Test
    void shouldSkipDeliveryReportsAndReportAlertsWithoutAWebhook() throws Exception {
        AlertDispatcher dispatcher = dispatcher(new SlackRoutes(null, Map.of()), Duration.ofSeconds(1));

        dispatcher.deliver(List.of(alert("checkout"), alert("checkout").delivered(
                new Alert.Delivery(Alert.Delivery.Outcome.DELIVERED, 1, null, START)))).get(5, TimeUnit.SECONDS);

        assertThat(slack.attempts()).isZero();
        assertThat(outcomes()).containsExactly(Alert.Delivery.Outcome.NOT_CONFIGURED);
    }
}
