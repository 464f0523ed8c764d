package io.sluice.alerting.delivery;

import java.time.Instant;

/**
 * How one Slack route is doing, for health and {@code ./sluice status}: failing since when, with what
 * (never the webhook URL, a secret), and how many alerts it had to give up.
 */
public final class RouteHealth {

    private final String route;
    private Instant failingSince;
    private String lastError;
    private Instant lastDelivered;
    private long undelivered;

    RouteHealth(String route) {
        this.route = route;
    }

    /** A copy of the route's state at one moment. */
    public record Snapshot(String route, Instant failingSince, String lastError, Instant lastDelivered, long undelivered) {

        public boolean down() {
            return failingSince != null;
        }

        /** In words, for an operator: {@code route payments down since …: Slack unreachable: ConnectException; 3 alerts undelivered}. */
        public String describe() {
            String state = down() ? "down since " + failingSince + ": " + lastError : "up";
            return "route " + route + " " + state + (undelivered > 0 ? "; " + undelivered + " alert(s) undelivered" : "");
        }
    }

    synchronized void succeeded(Instant at) {
        failingSince = null;
        lastDelivered = at;
    }

    synchronized void failed(Instant at, String error) {
        if (failingSince == null) {
            failingSince = at;
        }
        lastError = error;
    }

    synchronized void undelivered(int alerts) {
        undelivered += alerts;
    }

    synchronized String lastError() {
        return lastError;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(route, failingSince, lastError, lastDelivered, undelivered);
    }
}
