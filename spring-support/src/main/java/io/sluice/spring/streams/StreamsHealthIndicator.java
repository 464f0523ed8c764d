package io.sluice.spring.streams;

import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * UP while the Kafka Streams instance runs (or rebalances) and its thread is not being replaced in a
 * loop; DOWN otherwise, with its state and, in words, the problem.
 */
public final class StreamsHealthIndicator implements HealthIndicator {

    private final StreamsBuilderFactoryBean factory;
    private final ThreadReplacements replacements;

    public StreamsHealthIndicator(StreamsBuilderFactoryBean factory, ThreadReplacements replacements) {
        this.factory = factory;
        this.replacements = replacements;
    }

    @Override
    public Health health() {
        KafkaStreams streams = factory.getKafkaStreams();
        KafkaStreams.State state = streams == null ? null : streams.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        Optional<String> loop = replacements.problem();
        Health.Builder health = up && loop.isEmpty() ? Health.up() : Health.down();
        health.withDetail("state", String.valueOf(state)).withDetail("threadsReplaced", replacements.total());
        if (loop.isPresent()) {
            health.withDetail("problem", loop.get());
        } else if (!up) {
            health.withDetail("problem", "Kafka Streams is " + state + ": this stage processes nothing");
        }
        return health.build();
    }
}
