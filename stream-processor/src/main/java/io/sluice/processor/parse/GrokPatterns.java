package io.sluice.processor.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.grok.Grok;
import org.elasticsearch.grok.GrokBuiltinPatterns;
import org.elasticsearch.grok.MatcherWatchdog;
import org.elasticsearch.grok.PatternBank;

/**
 * Compiles grok expressions against Elasticsearch's ECS pattern bank plus Sluice's own patterns
 * ({@code sluice/grok/sluice-patterns}), with a watchdog that interrupts a match running longer than
 * the limit: catastrophic backtracking costs one record, never the stream thread.
 */
public final class GrokPatterns {

    private static final String SLUICE_PATTERNS = "/sluice/grok/sluice-patterns";
    private static final ScheduledExecutorService WATCHDOG_TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "grok-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final PatternBank bank;
    private final MatcherWatchdog watchdog;

    public GrokPatterns(long maxMatchMillis) {
        this.bank = GrokBuiltinPatterns.ecsV1Patterns().extendWith(load());
        long interval = Math.max(10, maxMatchMillis / 4);
        this.watchdog = MatcherWatchdog.newInstance(interval, maxMatchMillis, System::currentTimeMillis,
                (delay, command) -> WATCHDOG_TIMER.schedule(command, delay, TimeUnit.MILLISECONDS));
    }

    /** Compiles an expression; an unknown pattern name or a malformed regex is an IllegalArgumentException. */
    public Grok compile(String expression) {
        try {
            return new Grok(bank, expression, watchdog, message -> { });
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid grok expression '" + expression + "': " + e.getMessage(), e);
        }
    }

    private static Map<String, String> load() {
        Map<String, String> patterns = new LinkedHashMap<>();
        try (InputStream in = GrokPatterns.class.getResourceAsStream(SLUICE_PATTERNS)) {
            if (in == null) {
                throw new IllegalStateException(SLUICE_PATTERNS + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                int space = trimmed.indexOf(' ');
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && space > 0) {
                    patterns.put(trimmed.substring(0, space), trimmed.substring(space + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return patterns;
    }
}
