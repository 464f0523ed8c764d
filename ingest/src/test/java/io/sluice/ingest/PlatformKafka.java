package io.sluice.ingest;

import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.testing.SluiceRuntimeExtension;
import io.sluice.topics.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the ingest service at the test platform's Kafka, and reads back what it published. */
public final class PlatformKafka implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.kafka.bootstrap-servers=" + SluiceRuntimeExtension.platform().kafkaBootstrap())
                .applyTo(context);
    }

    /** The raw records keyed by {@code service}, once {@code expected} of them arrived (or 30 s passed). */
    public static List<ConsumerRecord<String, byte[]>> rawRecordsOf(String service, int expected) {
        return TopicRecords.read(SluiceRuntimeExtension.platform().kafkaBootstrap(), Topics.RAW.name(),
                record -> service.equals(record.key()), expected, Duration.ofSeconds(30));
    }
}
