package io.sluice.cli.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./sluice status} shows, read at one moment: each stage with its rate, lag and restarts,
 * Elasticsearch's health, the dead letters by stage and reason, and the last alert.
 */
public record Station(Instant at, Duration sample, List<Stage> stages, KafkaHealth kafka, ElasticsearchHealth elasticsearch,
        DeadLetters deadLetters, LastAlert lastAlert) {

    /**
     * Whether the brokers answered; each expected broker up or down; partitions of Sluice's topics with fewer in-sync
     * replicas than replicas (an ISR that shrank: a broker down or behind), and those below {@code min.insync.replicas}
     * (writes to them are refused); {@code supervised} as for a stage. The counts are null when Kafka did not answer.
     */
    public record KafkaHealth(String bootstrap, boolean reachable, Supervised supervised, List<Broker> brokers,
            Integer underReplicatedPartitions, Integer partitionsBelowMinInsync) {

        public KafkaHealth {
            brokers = brokers == null ? List.of() : List.copyOf(brokers);
        }

        public KafkaHealth(String bootstrap, boolean reachable, Supervised supervised) {
            this(bootstrap, reachable, supervised, List.of(), null, null);
        }
    }

    public record Broker(int id, String address, boolean up) {
    }

    /** A consumer-group member of a stage (an instance, named by its client id) and the partitions it holds. */
    public record Instance(String name, List<String> partitions) {

        public Instance {
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * One stage: {@code health} as its actuator answered (or {@code unreachable}), events per second
     * it took in over the sample (null when unknown), its consumer lags, and what the supervisor of
     * {@code ./sluice up} says of it (null when no supervisor runs), and the problems its health
     * names in words (a Slack route down, Elasticsearch refusing writes, a Streams thread replaced).
     */
    public record Stage(String name, String health, Double perSecond, List<Lag> lags, Supervised supervised, List<String> problems,
            List<Instance> instances) {

        public Stage {
            problems = problems == null ? List.of() : List.copyOf(problems);
            instances = instances == null ? List.of() : List.copyOf(instances);
        }

        public Stage(String name, String health, Double perSecond, List<Lag> lags, Supervised supervised, List<String> problems) {
            this(name, health, perSecond, lags, supervised, problems, List.of());
        }
    }

    /** A group's lag on a topic at the start and the end of the sample. */
    public record Lag(String group, String topic, long before, long now) {

        public String trend() {
            return now > before ? "growing" : now < before ? "shrinking" : now == 0 ? "caught up" : "steady";
        }
    }

    public record Supervised(String state, int restarts, Instant lastExitAt, Integer lastExitCode) {
    }

    /** {@code status} is green, yellow, red or unreachable; {@code logDocuments} in {@code logs-*}; shards no node holds. */
    public record ElasticsearchHealth(String url, String status, int nodes, long logDocuments, String problem, Supervised supervised,
            int unassignedShards, Map<String, Long> untimedServices) {

        public ElasticsearchHealth {
            untimedServices = untimedServices == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(untimedServices));
        }

        public ElasticsearchHealth(String url, String status, int nodes, long logDocuments, String problem, Supervised supervised,
                int unassignedShards) {
            this(url, status, nodes, logDocuments, problem, supervised, unassignedShards, Map.of());
        }

        public ElasticsearchHealth(String url, String status, int nodes, long logDocuments, String problem, Supervised supervised) {
            this(url, status, nodes, logDocuments, problem, supervised, 0);
        }
    }

    /** Records counted in the dead-letter topic, by "stage reason-category". */
    public record DeadLetters(long total, Map<String, Long> byStageAndReason, boolean partial) {
    }

    /** The newest alert decision and how its delivery ended ({@code pending} while there is no report yet). */
    public record LastAlert(String state, String ruleName, String group, double value, double threshold, Instant decidedAt,
            String delivery) {
    }
}
