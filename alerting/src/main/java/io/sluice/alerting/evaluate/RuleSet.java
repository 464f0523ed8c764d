package io.sluice.alerting.evaluate;

import io.sluice.alerting.rules.EventFields;
import io.sluice.alerting.rules.Rule;
import io.sluice.alerting.rules.RuleType;
import io.sluice.model.LogEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The rules in force, replaceable while the stream runs (a reload swaps them whole), and what an event
 * means to each of them.
 */
public final class RuleSet {

    static final int MAX_GROUP = 256;

    private final AtomicReference<Map<String, Rule>> rules = new AtomicReference<>(Map.of());
    private final AtomicLong lateEvents = new AtomicLong();
    private final LongAdder observedEvents = new LongAdder();

    public RuleSet(List<Rule> initial) {
        replace(initial);
    }

    public void replace(List<Rule> next) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        next.forEach(rule -> byId.put(rule.id(), rule));
        rules.set(java.util.Collections.unmodifiableMap(byId)); // in file order
    }

    public Rule rule(String id) {
        return rules.get().get(id);
    }

    public List<Rule> all() {
        return List.copyOf(rules.get().values());
    }

    /** One observation per rule that cares about the event; ratio rules also see the events they do not count. */
    public List<Observation> observe(LogEvent event) {
        observedEvents.increment();
        List<Observation> observations = new ArrayList<>();
        for (Rule rule : rules.get().values()) {
            String group = EventFields.value(event, rule.groupBy());
            if (group == null || group.isEmpty()) {
                continue;
            }
            if (group.length() > MAX_GROUP) {
                group = group.substring(0, MAX_GROUP); // field values past 256 are not even searchable (ignore_above)
            }
            boolean matched = rule.match().matches(event);
            if (matched || rule.type() == RuleType.RATIO) {
                observations.add(new Observation(rule.id(), group, event.timestamp(), matched, event.service(),
                        event.labels() == null ? null : event.labels().get("team"),
                        matched && rule.type() != RuleType.ABSENCE ? event.message() : null, event.errorFingerprint()));
            }
        }
        return observations;
    }

    void countLate() {
        lateEvents.incrementAndGet();
    }

    /** Events held against the rules so far. */
    public long observedEvents() {
        return observedEvents.sum();
    }

    /** Events dropped because they arrived after their window closed (grace included). */
    public long lateEvents() {
        return lateEvents.get();
    }
}
