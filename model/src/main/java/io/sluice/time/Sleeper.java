package io.sluice.time;

import java.time.Duration;

/** Pauses between attempts (backoff, pacing): a seam, so tests need not wait. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration);

    /** The real one: an interrupt ends the pause with {@link Interrupted}, the thread's interrupt flag set again. */
    static Sleeper real() {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Interrupted(e);
            }
        };
    }

    /** A pause cut short by an interrupt: the caller is being stopped. */
    final class Interrupted extends RuntimeException {
        Interrupted(InterruptedException cause) {
            super("interrupted while waiting", cause);
        }
    }
}
