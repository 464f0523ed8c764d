package io.sluice.processor.wiring;

import io.sluice.processor.ProcessorProperties;
import io.sluice.processor.topology.EventSizeLimit;
import io.sluice.processor.topology.LogTopology;
import io.sluice.processor.parse.GrokPatterns;
import io.sluice.processor.parse.ParserLimits;
import io.sluice.processor.parse.RawLogParser;
import io.sluice.processor.parse.TextFormats;
import io.sluice.redact.Redactor;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.metrics.LagMonitor;
import io.sluice.metrics.SluiceMeters;
import io.sluice.topics.Topics;
import java.time.Clock;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import io.sluice.spring.kafka.KafkaSupport;
import io.sluice.spring.kafka.LagMonitors;
import io.sluice.spring.streams.StreamsSupport;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Connects the topology to the Kafka Streams instance Spring manages; no logic here. */
@Configuration
@EnableKafkaStreams
@Import({StreamsSupport.class, KafkaSupport.class})
class StreamsWiring {

    /** Invalid per-service formats or grok expressions fail the start, with the service named. */
    @Bean
    KStream<String, byte[]> logTopology(StreamsBuilder builder, ProcessorProperties properties, SluiceMeters meters) {
        ParserLimits limits = new ParserLimits((int) properties.maxRecordSize().toBytes(), properties.maxJsonDepth(),
                properties.maxFutureSkew());
        TextFormats formats = new TextFormats(new GrokPatterns(properties.maxGrokTime().toMillis()));
        RawLogParser parser = new RawLogParser(limits, properties.defaults(), properties.serviceSettings(), formats,
                Clock.systemUTC());
        return LogTopology.build(builder, parser, new Redactor(properties.redaction()), properties.multilineFlushTimeout(), meters,
                new EventSizeLimit((int) properties.maxEventSize().toBytes()));
    }

    @Bean
    SluiceMeters processorMeters(MeterRegistry registry) {
        return new SluiceMeters(registry, "processor");
    }

    /** The lag of this application's group on {@code logs.raw.v1}: Kafka Streams' group id is its application id. */
    @Bean
    LagMonitor processorLag(LagMonitors lags, KafkaProperties kafka, ProcessorProperties properties) {
        return lags.start("processor", kafka.getStreams().getApplicationId(), Topics.RAW.name(), properties.lagCheckInterval());
    }
}
