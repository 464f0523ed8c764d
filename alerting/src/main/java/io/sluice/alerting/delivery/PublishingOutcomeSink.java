package io.sluice.alerting.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.metrics.SluiceMeters;
import io.sluice.model.Alert;
import io.sluice.topics.Topics;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Where delivery outcomes go in the running service: each report onto {@code alerts.v1} (the audit index
 * and {@code ./sluice status} read it there) and into {@code sluice_alerts_deliveries_total{outcome}};
 * retries into {@code sluice_retries_total{stage="alerting"}}. A report that cannot be written is logged,
 * never a reason to post again: the delivery itself happened.
 */
public final class PublishingOutcomeSink implements OutcomeSink {

    private static final Logger log = LoggerFactory.getLogger(PublishingOutcomeSink.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;

    public PublishingOutcomeSink(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
    }

    @Override
    public void report(Alert report) {
        meters.counter("sluice.alerts.deliveries", "outcome", report.delivery().outcome().name().toLowerCase(Locale.ROOT)).increment();
        try {
            kafka.send(Topics.ALERTS.name(), report.dedupeKey(), Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), report))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.error("delivery of {} ({}) not recorded in {}: {}", report.alertId(), report.delivery().outcome(), Topics.ALERTS.name(),
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void retrying(String cause) {
        meters.counter(SluiceMeters.RETRIES, "stage", "alerting", "cause", cause).increment();
    }
}
