package io.sluice.processor.wiring;

import io.sluice.processor.ProcessorProperties;
import io.sluice.processor.parse.RawLogParser;
import io.sluice.processor.redact.Redactor;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/** Connects the topology to the Kafka Streams instance Spring manages; no logic here. */
@Configuration
@EnableKafkaStreams
class StreamsWiring {

    @Bean
    KStream<String, byte[]> logTopology(StreamsBuilder builder, ProcessorProperties properties) {
        RawLogParser parser = new RawLogParser((int) properties.maxRecordSize().toBytes(), properties.maxJsonDepth(),
                properties.maxFutureSkew(), Clock.systemUTC());
        return LogTopology.build(builder, parser, new Redactor(properties.redaction()));
    }

    /** A failure that escapes a record (a broker outage, say) replaces the thread instead of stopping the app. */
    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedThreads() {
        return factory -> factory.setStreamsUncaughtExceptionHandler(
                exception -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
    }
}
