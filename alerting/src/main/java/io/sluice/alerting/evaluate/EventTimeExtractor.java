package io.sluice.alerting.evaluate;

import io.sluice.model.LogEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Windows follow the event's own {@code @timestamp}, not when it reached Kafka. */
public final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof LogEvent event) {
            return event.timestamp().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
