package io.sluice.alerting.evaluate;

import io.sluice.alerting.rules.Rule;
import io.sluice.model.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Applies {@link RuleLogic} to each observation and, every second of wall-clock time, to every remembered group. */
final class RuleEvaluator implements Processor<String, Observation, String, Alert> {

    static final Duration TICK = Duration.ofSeconds(1);

    private final RuleSet rules;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, RuleState> states;

    RuleEvaluator(RuleSet rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.states = context.getStateStore(AlertingTopology.STORE);
        context.schedule(TICK, PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, Observation> record) {
        Observation observation = record.value();
        Rule rule = observation == null ? null : rules.rule(observation.ruleId());
        if (rule == null) {
            return; // a rule removed by a reload while its observations were in flight
        }
        Step step = RuleLogic.observe(rule, states.get(record.key()), observation, now(), streamTime());
        if (step.late()) {
            rules.countLate();
            return;
        }
        apply(record.key(), step);
    }

    private void tick(long wallClock) {
        List<KeyValue<String, RuleState>> remembered = new ArrayList<>();
        try (KeyValueIterator<String, RuleState> all = states.all()) {
            all.forEachRemaining(remembered::add);
        }
        for (KeyValue<String, RuleState> entry : remembered) {
            Rule rule = rules.rule(entry.value.ruleId());
            if (rule == null) {
                states.delete(entry.key); // the rule is gone: so is its state, without a message
                continue;
            }
            apply(entry.key, RuleLogic.tick(rule, entry.value, now(), streamTime()));
        }
    }

    private void apply(String key, Step step) {
        if (step.state() == null) {
            states.delete(key);
        } else {
            states.put(key, step.state());
        }
        for (Alert alert : step.alerts()) {
            context.forward(new Record<>(alert.dedupeKey(), alert, context.currentSystemTimeMs()));
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    private Instant streamTime() {
        long streamTime = context.currentStreamTimeMs();
        return streamTime < 0 ? null : Instant.ofEpochMilli(streamTime);
    }
}
