package io.sluice.alerting.wiring;

import io.sluice.alerting.AlertingProperties;
import io.sluice.alerting.rules.ErrorThresholdTopology;
import io.sluice.alerting.slack.NotificationException;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** Connects the alerting topology and the Slack delivery; no logic here. */
@Configuration
@EnableKafkaStreams
class AlertingWiring {

    @Bean
    Object errorThresholdRule(StreamsBuilder builder, AlertingProperties properties) {
        ErrorThresholdTopology.build(builder, properties.errorThreshold(), properties.window(), properties.grace());
        return ErrorThresholdTopology.RULE_ID;
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedThreads() {
        return factory -> factory.setStreamsUncaughtExceptionHandler(
                exception -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    /** Undelivered alerts are retried until Slack takes them: after Retry-After on 429, else with backoff. */
    @Bean
    DefaultErrorHandler retryDeliveriesForever() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(60_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.setBackOffFunction((record, exception) -> {
            Throwable cause = exception;
            while (cause != null && !(cause instanceof NotificationException.Transient)) {
                cause = cause.getCause();
            }
            return cause instanceof NotificationException.Transient delay
                    ? new FixedBackOff(delay.retryAfter().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)
                    : null;
        });
        return handler;
    }
}
