package io.sluice.spring.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** What every Kafka-consuming service of Sluice wires the same way: its consumer-lag gauges. */
@Configuration(proxyBeanMethods = false)
public class KafkaSupport {

    @Bean
    LagMonitors lagMonitors(KafkaAdmin kafka, MeterRegistry meters) {
        return new LagMonitors(kafka, meters);
    }
}
