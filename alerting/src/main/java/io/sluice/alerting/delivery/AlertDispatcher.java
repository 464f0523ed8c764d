package io.sluice.alerting.delivery;

import io.sluice.alerting.slack.AlertMessages;
import io.sluice.alerting.slack.NotificationException;
import io.sluice.alerting.slack.WebhookPayload;
import io.sluice.alerting.slack.WebhookSender;
import io.sluice.model.Alert;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a batch of alerts to Slack: grouped by webhook, one message per alert — or digests of up to
 * {@link AlertMessages#DIGEST_SIZE} when several go to one webhook together — each webhook paced to one
 * message per second. A 429 waits exactly its {@code Retry-After}; 5xx and timeouts back off (1 s
 * doubling to 30 s); a refusal ({@code invalid_payload}, {@code channel_not_found}) is final and
 * reported. After {@code maxRetrying} of transient failures the batch is handed back undelivered (its
 * offsets stay uncommitted: Kafka is the outbox) and comes again; what this process already posted is
 * remembered and not posted twice. Every outcome is reported to the {@link OutcomeSink}.
 */
public final class AlertDispatcher {

    /** A little over Slack's one message per second per webhook, so timing jitter never crosses it. */
    public static final Duration SLACK_INTERVAL = Duration.ofMillis(1_100);
    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int REMEMBERED = 100_000;

    private final SlackRoutes routes;
    private final AlertMessages messages;
    private final WebhookSender sender;
    private final Pacer pacer;
    private final Pacer.Sleeper sleeper;
    private final Clock clock;
    private final OutcomeSink outcomes;
    private final Duration maxRetrying;
    private final Set<String> done = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    public AlertDispatcher(SlackRoutes routes, AlertMessages messages, WebhookSender sender, Pacer pacer, Pacer.Sleeper sleeper,
            Clock clock, OutcomeSink outcomes, Duration maxRetrying) {
        this.routes = routes;
        this.messages = messages;
        this.sender = sender;
        this.pacer = pacer;
        this.sleeper = sleeper;
        this.clock = clock;
        this.outcomes = outcomes;
        this.maxRetrying = maxRetrying;
    }

    public void deliver(List<Alert> batch) {
        Map<String, List<Alert>> byRoute = new LinkedHashMap<>();
        for (Alert alert : batch) {
            if (alert == null || alert.isDeliveryReport() || done.contains(alert.alertId())) {
                continue;
            }
            byRoute.computeIfAbsent(routes.routeOf(alert), route -> new ArrayList<>()).add(alert);
        }
        for (Map.Entry<String, List<Alert>> route : byRoute.entrySet()) {
            Optional<URI> webhook = routes.webhook(route.getKey());
            if (webhook.isEmpty()) {
                route.getValue().forEach(alert -> {
                    log.warn("alert {} not posted: no Slack webhook configured (SLACK_WEBHOOK_URL)", alert.alertId());
                    finish(alert, Alert.Delivery.Outcome.NOT_CONFIGURED, 0, "no webhook configured");
                });
                continue;
            }
            List<Alert> alerts = route.getValue();
            for (int from = 0; from < alerts.size(); from += AlertMessages.DIGEST_SIZE) {
                List<Alert> together = alerts.subList(from, Math.min(alerts.size(), from + AlertMessages.DIGEST_SIZE));
                WebhookPayload payload = alerts.size() == 1 ? messages.single(together.get(0)) : messages.digest(together);
                post(route.getKey(), webhook.get(), payload, together);
            }
        }
    }

    private void post(String route, URI webhook, WebhookPayload payload, List<Alert> alerts) {
        Instant giveUpAt = clock.instant().plus(maxRetrying);
        Duration backoff = FIRST_BACKOFF;
        String what = alerts.size() == 1 ? "alert " + alerts.get(0).alertId() : "digest of " + alerts.size() + " alerts";
        for (int attempt = 1; ; attempt++) {
            pacer.awaitTurn(route);
            try {
                sender.send(webhook, payload);
                pacer.sent(route);
                log.info("{} posted to Slack route {} (attempt {})", what, route, attempt);
                for (Alert alert : alerts) {
                    finish(alert, Alert.Delivery.Outcome.DELIVERED, attempt, alerts.size() == 1 ? null : "in a digest of " + alerts.size());
                }
                return;
            } catch (NotificationException.Permanent e) {
                pacer.sent(route);
                log.error("{} refused by Slack on route {}, not retried: {}", what, route, e.getMessage());
                for (Alert alert : alerts) {
                    finish(alert, Alert.Delivery.Outcome.REFUSED, attempt, e.getMessage());
                }
                return;
            } catch (NotificationException.Transient e) {
                pacer.sent(route);
                Duration wait = e.retryAfter() != null ? e.retryAfter() : backoff;
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                if (clock.instant().plus(wait).isAfter(giveUpAt)) {
                    log.warn("{} still not delivered after {} attempts, handed back for later: {}", what, attempt, e.getMessage());
                    throw e;
                }
                log.warn("{} not delivered (attempt {}), again in {} ms: {}", what, attempt, wait.toMillis(), e.getMessage());
                outcomes.retrying(e.retryAfter() != null ? "slack_rate_limited" : "slack_unavailable");
                sleeper.sleep(wait);
            }
        }
    }

    private void finish(Alert alert, Alert.Delivery.Outcome outcome, int attempts, String detail) {
        done.add(alert.alertId());
        outcomes.report(alert.delivered(new Alert.Delivery(outcome, attempts, detail, clock.instant())));
    }
}
