package io.sluice.spring.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.metrics.LagMonitor;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Starts the consumer-lag gauges of a service. Their admin client is built from the whole Kafka client
 * configuration Spring Boot gave {@link KafkaAdmin} (bootstrap servers, security, client properties), not
 * from the bootstrap servers alone, so the gauges keep working once Kafka needs credentials.
 */
public final class LagMonitors {

    private final KafkaAdmin kafka;
    private final MeterRegistry meters;

    public LagMonitors(KafkaAdmin kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
    }

    /** A started monitor of {@code group} on {@code topic}, reported as stage {@code stage}; closed with its bean. */
    public LagMonitor start(String stage, String group, String topic, Duration interval) {
        return new LagMonitor(Admin.create(kafka.getConfigurationProperties()), stage, group, topic, interval.toMillis(), meters).start();
    }
}
