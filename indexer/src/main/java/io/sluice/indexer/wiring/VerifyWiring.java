package io.sluice.indexer.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.indexer.verify.LastVerify;
import io.sluice.indexer.verify.VerifyMeters;
import io.sluice.indexer.verify.VerifyProperties;
import io.sluice.indexer.verify.VerifySchedule;
import io.sluice.kafka.KafkaAccess;
import io.sluice.reconcile.ReconcileProgress;
import io.sluice.reconcile.Reconciler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled reconciliation, as the user {@code sluice-verifier}: the indexer's brokers and nodes, the same CA, the
 * verifier's own credentials. Off, and saying why once, without them; no logic here.
 */
@Configuration(proxyBeanMethods = false)
class VerifyWiring {

    private static final Logger log = LoggerFactory.getLogger(VerifyWiring.class);

    @Bean
    LastVerify lastVerify() {
        return new LastVerify();
    }

    /** UP whatever the last run found (missing records are not the indexer failing), with a problem in words when they are. */
    @Bean("verify")
    HealthIndicator verifyHealth(LastVerify last) {
        return () -> Health.up().withDetails(last.details()).build();
    }

    @Bean
    SmartLifecycle verifySchedule(LastVerify last, VerifyProperties verify, KafkaProperties kafkaProperties, ElasticsearchProperties elasticsearchProperties,
            @Value("${sluice.elasticsearch.authorization:}") String indexerAuthorization,
            @Value("${sluice.elasticsearch.ca-file:}") String caFile, MeterRegistry registry) {
        String bootstrap = String.join(",", kafkaProperties.getBootstrapServers());
        boolean kafkaSecured = "SASL_SSL".equals(kafkaProperties.getSecurity().getProtocol());
        String off = offReason(verify, kafkaSecured, indexerAuthorization);
        if (off != null) {
            last.off(off);
            return new Off(off);
        }
        KafkaAccess kafka = kafkaSecured
                ? KafkaAccess.scram(bootstrap, verify.kafkaUsername(), verify.kafkaPassword(),
                        Path.of(kafkaProperties.getProperties().get("ssl.truststore.location")))
                : KafkaAccess.plaintext(bootstrap);
        List<String> nodes = elasticsearchProperties.getUris();
        AtomicInteger node = new AtomicInteger();
        ReconcileProgress progress = new ReconcileProgress(); // what earlier runs settled is not looked up again
        return new VerifySchedule((from, until) -> {
            // a node that fails a run hands the next one to the following node of the list
            ElasticsearchAccess elasticsearch = new ElasticsearchAccess(nodes.get(Math.floorMod(node.get(), nodes.size())),
                    verify.kafkaUsername(), verify.elasticsearchAuthorization().isBlank() ? null : verify.elasticsearchAuthorization(),
                    caFile.isBlank() ? null : Path.of(caFile));
            try {
                return new Reconciler(kafka, elasticsearch).reconcile(from, until, null, progress);
            } catch (RuntimeException e) {
                node.incrementAndGet();
                throw e;
            }
        }, verify, new VerifyMeters(registry), last, Clock.systemUTC());
    }

    /** Why the schedule cannot run, or null when it can. */
    private static String offReason(VerifyProperties verify, boolean kafkaSecured, String indexerAuthorization) {
        if (verify.interval().isZero()) {
            return "sluice.indexer.verify.interval is 0";
        }
        if (kafkaSecured && verify.kafkaPassword().isBlank()) {
            return "no Kafka password for " + verify.kafkaUsername() + " (SLUICE_VERIFIER_KAFKA_PASSWORD)";
        }
        if (!indexerAuthorization.isBlank() && verify.elasticsearchAuthorization().isBlank()) {
            return "no Elasticsearch credential for " + verify.kafkaUsername() + " (SLUICE_VERIFIER_ELASTICSEARCH_AUTHORIZATION)";
        }
        return null;
    }

    /** The schedule when it cannot run: says why at start, publishes no verify series (no stale timestamp to alert on). */
    private record Off(String why) implements SmartLifecycle {
        @Override
        public void start() {
            log.info("verify schedule off: {}", why);
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return false;
        }
    }
}
