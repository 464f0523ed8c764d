package io.sluice.alerting.delivery;

import io.sluice.time.Sleeper;
import io.sluice.alerting.slack.AlertMessages;
import io.sluice.alerting.slack.WebhookSender;
import io.sluice.model.Alert;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each alert to its Slack route's {@link RouteOutbox} and answers at once with a future that
 * completes when every alert of the batch has finished (delivered, refused, undelivered, or no webhook
 * configured): routes fail independently, so one route down never holds back another. What this
 * process already finished is remembered and never posted twice; an alert read again while still in
 * flight joins the delivery under way. At most {@code maxInFlight} alerts are held; beyond that
 * {@link #deliver} waits (so memory stays bounded while a route is down). Every outcome goes to the
 * {@link OutcomeSink}.
 */
public final class AlertDispatcher implements AutoCloseable {

    /** A little over Slack's one message per second per webhook, so timing jitter never crosses it. */
    public static final Duration SLACK_INTERVAL = Duration.ofMillis(1_100);
    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final int REMEMBERED = 100_000;
    private static final int MAX_IN_FLIGHT = 10_000;

    private final SlackRoutes routes;
    private final RouteOutbox.Delivery delivery;
    private final OutcomeSink outcomes;
    private final Duration giveUpAfter;
    private final Map<String, RouteOutbox> outboxes = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> inFlight = new HashMap<>();
    private final Semaphore room = new Semaphore(MAX_IN_FLIGHT);
    /** Guarded by {@code inFlight}, like it. */
    private final Set<String> done = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** @param giveUpAfter how long an alert may wait for its route before it is finished as {@code UNDELIVERED} */
    public AlertDispatcher(SlackRoutes routes, AlertMessages messages, WebhookSender sender, Pacer pacer, Sleeper sleeper,
            Clock clock, OutcomeSink outcomes, Duration giveUpAfter) {
        this.routes = routes;
        this.outcomes = outcomes;
        this.giveUpAfter = giveUpAfter;
        this.delivery = new RouteOutbox.Delivery(messages, sender, pacer, sleeper, clock, new RouteOutbox.Finisher() {
            @Override
            public void finish(Alert alert, Alert.Delivery.Outcome outcome, int attempts, String detail) {
                AlertDispatcher.this.finish(alert, outcome, attempts, detail);
            }

            @Override
            public void retrying(String cause) {
                outcomes.retrying(cause);
            }
        });
    }

    /** Queues the batch's alerts on their routes; the future completes when all of them have finished. */
    public CompletableFuture<Void> deliver(List<Alert> batch) {
        List<CompletableFuture<Void>> finished = new ArrayList<>();
        for (Alert alert : batch) {
            if (alert != null && !alert.isDeliveryReport()) {
                finished.add(track(alert));
            }
        }
        return CompletableFuture.allOf(finished.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> track(Alert alert) {
        CompletableFuture<Void> finished;
        synchronized (inFlight) {
            if (done.contains(alert.alertId())) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> underWay = inFlight.get(alert.alertId());
            if (underWay != null) {
                return underWay;
            }
            finished = new CompletableFuture<>();
            inFlight.put(alert.alertId(), finished);
        }
        room.acquireUninterruptibly();
        String route = routes.routeOf(alert);
        Optional<URI> webhook = routes.webhook(route);
        if (webhook.isEmpty()) {
            log.warn("alert {} not posted: no Slack webhook configured (SLACK_WEBHOOK_URL)", alert.alertId());
            finish(alert, Alert.Delivery.Outcome.NOT_CONFIGURED, 0, "no webhook configured");
        } else {
            outboxes.computeIfAbsent(route, name -> new RouteOutbox(name, webhook.get(), delivery, giveUpAfter)).submit(alert);
        }
        return finished;
    }

    private void finish(Alert alert, Alert.Delivery.Outcome outcome, int attempts, String detail) {
        CompletableFuture<Void> finished;
        synchronized (inFlight) {
            done.add(alert.alertId());
            finished = inFlight.remove(alert.alertId());
        }
        try {
            outcomes.report(alert.delivered(new Alert.Delivery(outcome, attempts, detail, delivery.clock().instant())));
        } finally {
            room.release();
            if (finished != null) {
                finished.complete(null);
            }
        }
    }

    /** Every route that has been posted to, with how it is doing. */
    public List<RouteHealth.Snapshot> routeHealth() {
        return outboxes.values().stream().map(outbox -> outbox.health().snapshot()).toList();
    }

    @Override
    public void close() {
        outboxes.values().forEach(RouteOutbox::close);
    }
}
