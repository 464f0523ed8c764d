package io.sluice.ingest;

import io.sluice.kafka.KafkaAccess;
import io.sluice.tokens.IngestAccess;
import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.testing.SluiceRuntimeExtension;
import io.sluice.topics.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the ingest service at the test platform's Kafka as the ingest user, serves it over HTTPS with the platform's
 * ingest certificate and its token file (as ./sluice up does), and reads back what it published.
 */
public final class PlatformKafka implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        asIngest(SluiceRuntimeExtension.platform().kafkaAs(KafkaPrincipal.INGEST))
                .and(SluiceRuntimeExtension.platform().connections().ingest().serviceEnvironment()).applyTo(context);
    }

    /** The in-process ingest service on {@code port} as the local operator reaches it: HTTPS trusting the CA, the operator's token. */
    public static IngestAccess ingestAt(int port) {
        return SluiceRuntimeExtension.platform().connections().ingest().operator().at("https://localhost:" + port);
    }

    /** The in-process ingest service connects as the ingest user, as the deployed one does. */
    public static TestPropertyValues asIngest(KafkaAccess ingest) {
        return TestPropertyValues.of("spring.kafka.bootstrap-servers=" + ingest.bootstrapServers())
                .and(ingest.environment());
    }

    /** The raw records keyed by {@code service}, once {@code expected} of them arrived (or 30 s passed). */
    public static List<ConsumerRecord<String, byte[]>> rawRecordsOf(String service, int expected) {
        return TopicRecords.read(SluiceRuntimeExtension.platform().kafka(), Topics.RAW.name(),
                record -> service.equals(record.key()), expected, Duration.ofSeconds(30));
    }
}
