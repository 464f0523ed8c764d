package io.sluice.ingest.wiring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.ingest.IngestProperties;
import io.sluice.ingest.guard.GuardProperties;
import io.sluice.ingest.guard.MemoryBudget;
import io.sluice.ingest.guard.SourceTokens;
import io.sluice.ingest.guard.TokenSource;
import java.nio.file.Path;
import io.sluice.ingest.lines.NdjsonSplitter;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connects what the ingest endpoints share; no logic here. */
@Configuration
class IngestWiring {

    private static final Logger log = LoggerFactory.getLogger(IngestWiring.class);

    /** How every HTTP door cuts a body into lines, within the line and JSON depth limits. */
    @Bean
    NdjsonSplitter ndjsonSplitter(IngestProperties properties) {
        return new NdjsonSplitter((int) properties.maxLineSize().toBytes(), properties.maxJsonDepth(), Clock.systemUTC());
    }

    /**
     * The tokens senders must present. Without any way to get one (no token file, no pairs) the service refuses to
     * start rather than take logs from anyone: turning that off is the {@code insecure} profile's explicit choice.
     */
    @Bean
    TokenSource tokenSource(GuardProperties properties) {
        TokenSource tokens = new TokenSource(SourceTokens.parsePairs(properties.tokens()),
                properties.tokenFile() == null || properties.tokenFile().isBlank() ? null : Path.of(properties.tokenFile()), Clock.systemUTC());
        if (properties.required() && !tokens.configured()) {
            throw new IllegalStateException("the ingest service takes logs only from senders with a token, and none is configured: set"
                    + " SLUICE_INGEST_AUTH_TOKEN_FILE (a file of <name> <service or *> sha256:<digest> lines; ./sluice token create makes"
                    + " them) or SLUICE_INGEST_AUTH_TOKENS (service=token pairs). To take logs from anyone, run with the profile 'insecure'");
        }
        if (!properties.required()) {
            log.warn("INSECURE: the ingest service takes logs without a token (profile 'insecure'); anyone who reaches it can send as any service");
        }
        return tokens;
    }

    @Bean
    MemoryBudget memoryBudget(IngestProperties properties, MeterRegistry meters) {
        MemoryBudget budget = new MemoryBudget(properties.inFlightBudget(Runtime.getRuntime().maxMemory()));
        log.info("log requests may hold {} MB at once (sluice.ingest.max-in-flight-bytes)", budget.capacity() / (1024 * 1024));
        Gauge.builder("sluice.ingest.in_flight_bytes", budget, MemoryBudget::used).baseUnit("bytes")
                .description("bytes held by log requests in flight, against the budget").register(meters);
        return budget;
    }
}
