package io.sluice.alerting.evaluate;

import io.sluice.json.JsonSerde;
import io.sluice.topics.Topics;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code logs.enriched.v1} → an observation per rule that cares about each event, keyed by rule and
 * group → repartitioned so every group is evaluated in one place → {@link RuleEvaluator} with the
 * alert state in a changelogged store → {@code alerts.v1}, keyed by dedupe key. Rules are data, not
 * topology: a reload changes them without a restart.
 */
public final class AlertingTopology {

    public static final String STORE = "alert-state";

    private AlertingTopology() {
    }

    public static void build(StreamsBuilder builder, RuleSet rules) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                new JsonSerde<>(RuleState.class)));
        builder.stream(Topics.ENRICHED.name(), Consumed.with(Topics.ENRICHED.keySerde(), Topics.ENRICHED.valueSerde())
                        .withTimestampExtractor(new EventTimeExtractor()).withName("enriched-logs"))
                .flatMap((service, event) -> event == null ? List.<KeyValue<String, Observation>>of()
                        : rules.observe(event).stream().map(observation -> KeyValue.pair(observation.key(), observation)).toList(),
                        Named.as("observe"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(Observation.class)).withName("alert-observations"))
                .process(() -> new RuleEvaluator(rules), Named.as("evaluate-rules"), STORE)
                .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()).withName("alerts"));
    }
}
