package io.sluice.spring.streams;

import java.time.Clock;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * What every Kafka Streams service of Sluice wires the same way (imported by the processor and alerting):
 * a failure that escapes a record replaces the stream thread instead of stopping the service, each
 * replacement is counted, and the health component {@code streams} — part of readiness — says whether the
 * instance runs and whether its thread is being replaced in a loop.
 */
@Configuration(proxyBeanMethods = false)
public class StreamsSupport {

    @Bean
    ThreadReplacements threadReplacements() {
        return new ThreadReplacements(Clock.systemUTC());
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedThreads(ThreadReplacements replacements) {
        return factory -> factory.setStreamsUncaughtExceptionHandler(exception -> {
            replacements.replaced(exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    /** Named so its health component is {@code streams}, which the readiness group includes. */
    @Bean
    StreamsHealthIndicator streamsHealthIndicator(StreamsBuilderFactoryBean factory, ThreadReplacements replacements) {
        return new StreamsHealthIndicator(factory, replacements);
    }
}
