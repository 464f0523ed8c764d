package io.sluice.spring.kafka;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * For listeners that read a topic written in transactions (the processor and alerting write exactly
 * once): commit the consumer's position rather than last offset + 1. After a transaction's commit marker
 * the two differ by one, which would show a caught-up group as lagging by one record per partition forever.
 */
@Configuration(proxyBeanMethods = false)
public class TransactionalInputSupport {

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> commitPastTransactionMarkers() {
        return container -> container.getContainerProperties().setFixTxOffsets(true);
    }
}
