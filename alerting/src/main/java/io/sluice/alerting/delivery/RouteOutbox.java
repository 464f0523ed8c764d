package io.sluice.alerting.delivery;

import io.sluice.time.Sleeper;
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
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Slack route's queue and the one thread that posts it, so a route that fails — host unknown,
 * 5xx for minutes, timeouts — delays only its own alerts. Each attempt posts what is waiting (one
 * message, or a digest of up to {@link AlertMessages#DIGEST_SIZE}); a 429 waits its
 * {@code Retry-After}, other transient failures back off (1 s doubling to 30 s). An alert still not
 * delivered when its delivery time runs out ({@code giveUpAfter} from when it was queued) is finished
 * as {@code UNDELIVERED}; a refusal is finished as {@code REFUSED}. Every alert finishes: its future
 * completes, which is what lets its offset be committed.
 */
final class RouteOutbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RouteOutbox.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** How long the first alert of a burst waits for the rest, so alerts decided together are posted as one digest. */
    private static final Duration LINGER = Duration.ofMillis(100);

    private final String route;
    private final URI webhook;
    private final Delivery delivery;
    private final Duration giveUpAfter;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final RouteHealth health;
    private final Thread worker;
    private volatile boolean closed;

    /** What every route's outbox shares: how to write, post, pace, wait and report. */
    record Delivery(AlertMessages messages, WebhookSender sender, Pacer pacer, Sleeper sleeper, Clock clock, Finisher finisher) {
    }

    /** Records how an alert's delivery ended (report, metric, memory of what is done), and counts retries. */
    interface Finisher {
        void finish(Alert alert, Alert.Delivery.Outcome outcome, int attempts, String detail);

        /** A post that failed for now; {@code cause} is short and bounded. */
        void retrying(String cause);
    }

    RouteOutbox(String route, URI webhook, Delivery delivery, Duration giveUpAfter) {
        this.route = route;
        this.webhook = webhook;
        this.delivery = delivery;
        this.giveUpAfter = giveUpAfter;
        this.health = new RouteHealth(route);
        this.worker = new Thread(this::run, "slack-route-" + route);
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues an alert; the {@link Finisher} hears how its delivery ended, whichever way. */
    void submit(Alert alert) {
        queue.add(new Pending(alert, delivery.clock().instant().plus(giveUpAfter)));
    }

    RouteHealth health() {
        return health;
    }

    private void run() {
        while (!closed) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    delivery.sleeper().sleep(LINGER);
                    List<Pending> together = new ArrayList<>(List.of(first));
                    deliver(together);
                }
            } catch (InterruptedException | Sleeper.Interrupted e) {
                if (!closed) {
                    log.error("Slack route {} stopped posting: {}", route, e.toString());
                }
                return;
            }
        }
    }

    /** Posts until every alert taken is finished: delivered, refused, or undelivered when its time ran out. */
    private void deliver(List<Pending> together) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            giveUpExpired(together);
            queue.drainTo(together, AlertMessages.DIGEST_SIZE - together.size());
            if (together.isEmpty()) {
                return;
            }
            together.forEach(Pending::attempted);
            List<Alert> alerts = together.stream().map(Pending::alert).toList();
            WebhookPayload payload = alerts.size() == 1 ? delivery.messages().single(alerts.get(0)) : delivery.messages().digest(alerts);
            String what = alerts.size() == 1 ? "alert " + alerts.get(0).alertId() : "digest of " + alerts.size() + " alerts";
            delivery.pacer().awaitTurn(route);
            try {
                delivery.sender().send(webhook, payload);
                delivery.pacer().sent(route);
                health.succeeded(delivery.clock().instant());
                log.info("{} posted to Slack route {}", what, route);
                finishAll(together, Alert.Delivery.Outcome.DELIVERED, alerts.size() == 1 ? null : "in a digest of " + alerts.size());
                return;
            } catch (NotificationException.Permanent e) {
                delivery.pacer().sent(route);
                log.error("{} refused by Slack on route {}, not retried: {}", what, route, e.getMessage());
                finishAll(together, Alert.Delivery.Outcome.REFUSED, e.getMessage());
                return;
            } catch (NotificationException.Transient e) {
                delivery.pacer().sent(route);
                health.failed(delivery.clock().instant(), e.getMessage());
                Duration wait = e.retryAfter() != null ? e.retryAfter() : backoff;
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                Duration untilFirstExpiry = Duration.between(delivery.clock().instant(), earliestDeadline(together));
                if (untilFirstExpiry.compareTo(wait) < 0) {
                    wait = untilFirstExpiry.isNegative() ? Duration.ZERO : untilFirstExpiry;
                }
                log.warn("{} not delivered on route {}, again in {} ms: {}", what, route, wait.toMillis(), e.getMessage());
                delivery.finisher().retrying(e.retryAfter() != null ? "slack_rate_limited" : "slack_unavailable");
                if (!wait.isZero()) {
                    delivery.sleeper().sleep(wait);
                }
            }
        }
    }

    private void giveUpExpired(List<Pending> together) {
        Instant now = delivery.clock().instant();
        List<Pending> expired = together.stream().filter(pending -> !now.isBefore(pending.deadline)).toList();
        if (expired.isEmpty()) {
            return;
        }
        String why = "route " + route + " failing for " + giveUpAfter.toSeconds() + " s: " + health.lastError();
        log.error("{} alert(s) on Slack route {} given up as UNDELIVERED after {}: {}", expired.size(), route, giveUpAfter,
                health.lastError());
        together.removeAll(expired);
        health.undelivered(expired.size());
        expired.forEach(pending -> finish(pending, Alert.Delivery.Outcome.UNDELIVERED, why));
    }

    private static Instant earliestDeadline(List<Pending> together) {
        return together.stream().map(pending -> pending.deadline).min(Instant::compareTo).orElseThrow();
    }

    private void finishAll(List<Pending> together, Alert.Delivery.Outcome outcome, String detail) {
        together.forEach(pending -> finish(pending, outcome, detail));
        together.clear();
    }

    private void finish(Pending pending, Alert.Delivery.Outcome outcome, String detail) {
        delivery.finisher().finish(pending.alert, outcome, pending.attempts, detail);
    }

    /** Stops posting; what is still queued stays uncommitted in Kafka and is read again after a restart. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
    }

    /** An alert waiting on this route, with its own deadline and attempt count. */
    private static final class Pending {
        private final Alert alert;
        private final Instant deadline;
        private int attempts;

        Pending(Alert alert, Instant deadline) {
            this.alert = alert;
            this.deadline = deadline;
        }

        Alert alert() {
            return alert;
        }

        void attempted() {
            attempts++;
        }
    }
}
