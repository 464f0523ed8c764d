package io.sluice.alerting.rules;

import io.sluice.json.JsonSerde;
import io.sluice.model.Alert;
import io.sluice.topics.Topics;
import java.time.Duration;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Counts ERROR/FATAL events per service in tumbling event-time windows and publishes one
 * {@link Alert} to {@code alerts.v1} at the moment a window's count reaches the threshold — not at
 * window close, so alerts are fast; and only at that moment, so one window alerts at most once.
 * Caching is off for the count store so that no update (and so no crossing) is coalesced away.
 */
public final class ErrorThresholdTopology {

    public static final String RULE_ID = "error-threshold-v1";
    public static final String STORE = "error-counts";

    private ErrorThresholdTopology() {
    }

    public static void build(StreamsBuilder builder, long threshold, Duration window, Duration grace) {
        builder.stream(Topics.ENRICHED.name(), Consumed.with(Topics.ENRICHED.keySerde(), Topics.ENRICHED.valueSerde())
                        .withTimestampExtractor(new EventTimeExtractor()).withName("enriched-logs"))
                .filter((service, event) -> event != null && event.isError(), Named.as("errors-only"))
                // the processor keys enriched events by service already: no repartition needed
                .groupByKey(Grouped.with(Topics.ENRICHED.keySerde(), Topics.ENRICHED.valueSerde()).withName("by-service"))
                .windowedBy(TimeWindows.ofSizeAndGrace(window, grace))
                .aggregate(ErrorWindow::empty, (service, event, counted) -> counted.add(event.message()),
                        Named.as("count-errors"),
                        Materialized.<String, ErrorWindow, WindowStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Topics.ENRICHED.keySerde())
                                .withValueSerde(new JsonSerde<>(ErrorWindow.class))
                                .withCachingDisabled())
                .toStream(Named.as("count-changes"))
                .filter((windowed, counted) -> counted.count() == threshold, Named.as("threshold-reached"))
                .map((windowed, counted) -> {
                    Alert alert = new Alert(RULE_ID, windowed.key(), counted.count(), threshold,
                            windowed.window().startTime(), windowed.window().endTime(), counted.sample());
                    return KeyValue.pair(alert.dedupeKey(), alert);
                }, Named.as("to-alert"))
                .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                        .withName("alerts"));
    }
}
