package io.sluice.alerting.slack;

/**
 * A delivery that failed. {@link Transient} failures (429, 5xx, timeouts) are retried; {@link Permanent}
 * ones (Slack refused the payload or the channel) are not, and are reported. Messages never contain
 * the webhook URL, which is a secret.
 */
public abstract sealed class NotificationException extends RuntimeException {

    protected NotificationException(String message, Throwable cause) {
        super(message, cause);
    }

    public static final class Transient extends NotificationException {
        private final java.time.Duration retryAfter;

        public Transient(String message, java.time.Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        /** What Slack asked to wait (429 with {@code Retry-After}), or null: then the caller backs off on its own. */
        public java.time.Duration retryAfter() {
            return retryAfter;
        }
    }

    public static final class Permanent extends NotificationException {
        public Permanent(String message) {
            super(message, null);
        }
    }
}
