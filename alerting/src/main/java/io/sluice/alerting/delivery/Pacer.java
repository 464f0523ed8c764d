package io.sluice.alerting.delivery;

import io.sluice.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps each webhook within Slack's rule of at most one message per second: {@link #awaitTurn} waits
 * until the interval since that webhook's previous message has passed.
 */
public final class Pacer {

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Instant> lastSent = new HashMap<>();

    public Pacer(Duration interval, Clock clock, Sleeper sleeper) {
        this.interval = interval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits for the route's turn; the wait happens outside the lock, so routes never wait for one another. */
    public void awaitTurn(String route) {
        Duration wait = waitFor(route);
        if (!wait.isNegative() && !wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    private synchronized Duration waitFor(String route) {
        Instant previous = lastSent.get(route);
        return previous == null ? Duration.ZERO : Duration.between(clock.instant(), previous.plus(interval));
    }

    /** Marks an attempt on the route (whatever its answer: a 429 or 5xx counts against the rate too). */
    public synchronized void sent(String route) {
        lastSent.put(route, clock.instant());
    }
}
