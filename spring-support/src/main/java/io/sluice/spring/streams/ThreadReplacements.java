package io.sluice.spring.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Counts the Kafka Streams threads replaced after an uncaught failure. One replacement is a hiccup;
 * {@link #LOOP} of them within {@link #WINDOW} is a thread that dies on the same thing again and again —
 * a stage that looks alive and moves nothing — and {@link #problem} says so in words.
 */
public final class ThreadReplacements {

    public static final int LOOP = 3;
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private long total;
    private String lastError;

    public ThreadReplacements(Clock clock) {
        this.clock = clock;
    }

    public synchronized void replaced(Throwable cause) {
        total++;
        lastError = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage()));
        recent.addLast(clock.instant());
        forgetOld();
    }

    public synchronized long total() {
        return total;
    }

    /** Present while the thread is being replaced in a loop. */
    public synchronized Optional<String> problem() {
        forgetOld();
        if (recent.size() < LOOP) {
            return Optional.empty();
        }
        return Optional.of("Kafka Streams thread replaced " + recent.size() + " times in the last " + WINDOW.toMinutes()
                + " min (" + total + " in all); last failure: " + lastError);
    }

    private void forgetOld() {
        Instant horizon = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
            recent.removeFirst();
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
