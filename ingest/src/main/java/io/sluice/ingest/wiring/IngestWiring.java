package io.sluice.ingest.wiring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.ingest.IngestProperties;
import io.sluice.ingest.guard.MemoryBudget;
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

    @Bean
    MemoryBudget memoryBudget(IngestProperties properties, MeterRegistry meters) {
        MemoryBudget budget = new MemoryBudget(properties.inFlightBudget(Runtime.getRuntime().maxMemory()));
        log.info("log requests may hold {} MB at once (sluice.ingest.max-in-flight-bytes)", budget.capacity() / (1024 * 1024));
        Gauge.builder("sluice.ingest.in_flight_bytes", budget, MemoryBudget::used).baseUnit("bytes")
                .description("bytes held by log requests in flight, against the budget").register(meters);
        return budget;
    }
}
