package io.sluice.processor.wiring;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** UP while the Kafka Streams instance runs (or rebalances); DOWN otherwise, with its state. */
@Component
class StreamsHealthIndicator implements HealthIndicator {

    private final StreamsBuilderFactoryBean factory;

    StreamsHealthIndicator(StreamsBuilderFactoryBean factory) {
        this.factory = factory;
    }

    @Override
    public Health health() {
        KafkaStreams streams = factory.getKafkaStreams();
        KafkaStreams.State state = streams == null ? null : streams.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return (up ? Health.up() : Health.down()).withDetail("state", String.valueOf(state)).build();
    }
}
