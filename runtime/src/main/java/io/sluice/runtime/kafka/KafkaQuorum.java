package io.sluice.runtime.kafka;

import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.process.ChildProcess;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts every Kafka node of a platform's shape: one node is started and provisioned as it always was; the nodes of a
 * quorum are launched together (none answers before a majority of voters runs), awaited, then provisioned once.
 */
public final class KafkaQuorum {

    private KafkaQuorum() {
    }

    /** The nodes' processes, node 1 first; on a failure, those already started are stopped. */
    public static List<ChildProcess> start(RuntimeSettings settings) {
        List<KafkaBroker> brokers = brokers(settings);
        if (brokers.size() == 1) {
            return List.of(brokers.get(0).start());
        }
        List<ChildProcess> launched = new ArrayList<>();
        try {
            for (KafkaBroker broker : brokers) {
                launched.add(broker.launch());
            }
            for (int i = 0; i < brokers.size(); i++) {
                brokers.get(i).awaitReady(launched.get(i));
            }
            brokers.get(0).provision();
            return List.copyOf(launched);
        } catch (RuntimeException e) {
            launched.forEach(ChildProcess::close);
            throw e;
        }
    }

    public static List<KafkaBroker> brokers(RuntimeSettings settings) {
        return settings.kafkaNodes().stream().map(node -> new KafkaBroker(settings, node)).toList();
    }
}
