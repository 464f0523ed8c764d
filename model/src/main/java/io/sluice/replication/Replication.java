package io.sluice.replication;

import java.util.Map;

/**
 * How many copies of every record and document a deployment keeps: configuration, not code. Kafka topics get
 * {@code replicationFactor} replicas and refuse an acknowledged write unless {@code minInsyncReplicas} of them have it
 * (with {@code acks=all}, which every Sluice producer uses), and never elect an out-of-sync leader; daily indices get
 * {@code indexReplicas} replica shards.
 *
 * <p>Defaults follow the size of the deployment ({@link #forSize}): one broker and one node keep one copy, as
 * {@code ./sluice up} always has; three brokers keep three copies and need two in sync, so one broker can die
 * without losing or refusing anything; two or more Elasticsearch nodes keep one replica of each shard.
 */
public record Replication(short replicationFactor, int minInsyncReplicas, int indexReplicas) {

    public Replication {
        if (replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor || indexReplicas < 0) {
            throw new IllegalArgumentException("replication needs 1 <= min.insync.replicas <= replication factor and index replicas >= 0: "
                    + replicationFactor + ", " + minInsyncReplicas + ", " + indexReplicas);
        }
    }

    public static final Replication SINGLE_NODE = new Replication((short) 1, 1, 0);

    /** What {@code brokers} Kafka brokers and {@code elasticsearchNodes} nodes allow: at most 3 copies, 2 of them in sync. */
    public static Replication forSize(int brokers, int elasticsearchNodes) {
        if (brokers < 1 || elasticsearchNodes < 1) {
            throw new IllegalArgumentException("a deployment has at least one broker and one Elasticsearch node");
        }
        short factor = (short) Math.min(3, brokers);
        return new Replication(factor, inSyncFor(factor), elasticsearchNodes > 1 ? 1 : 0);
    }

    /** Two in sync of three or more (one may die and writes go on, never with a single copy); one of fewer. */
    private static int inSyncFor(int factor) {
        return factor >= 3 ? 2 : 1;
    }

    /**
     * The defaults for the size, each overridable: {@code SLUICE_REPLICATION_FACTOR}, {@code SLUICE_MIN_INSYNC_REPLICAS},
     * {@code SLUICE_INDEX_REPLICAS}.
     */
    public static Replication fromEnvironment(Map<String, String> env, int brokers, int elasticsearchNodes) {
        Replication defaults = forSize(brokers, elasticsearchNodes);
        short factor = (short) number(env, "SLUICE_REPLICATION_FACTOR", defaults.replicationFactor());
        if (factor > brokers) {
            throw new IllegalArgumentException("SLUICE_REPLICATION_FACTOR=" + factor + " needs at least as many brokers; there are " + brokers);
        }
        int minInsync = number(env, "SLUICE_MIN_INSYNC_REPLICAS", inSyncFor(factor));
        int indexReplicas = number(env, "SLUICE_INDEX_REPLICAS", defaults.indexReplicas());
        return new Replication(factor, minInsync, indexReplicas);
    }

    /** What a service reads to replicate what it creates (Streams internal topics, index templates) the same way. */
    public Map<String, String> environment() {
        return Map.of("SLUICE_REPLICATION_FACTOR", Short.toString(replicationFactor), "SLUICE_MIN_INSYNC_REPLICAS",
                Integer.toString(minInsyncReplicas), "SLUICE_INDEX_REPLICAS", Integer.toString(indexReplicas));
    }

    /** The topic configuration that goes with the replication factor. */
    public Map<String, String> topicConfig() {
        return Map.of("min.insync.replicas", Integer.toString(minInsyncReplicas), "unclean.leader.election.enable", "false");
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
