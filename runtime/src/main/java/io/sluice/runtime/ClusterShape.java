package io.sluice.runtime;

/**
 * How many of each a local platform runs: Kafka nodes (each broker and controller, so the KRaft quorum is as large),
 * Elasticsearch nodes, and instances of each service. {@link #SINGLE} is what {@code ./sluice up} has always run;
 * {@link #CLUSTER} is {@code ./sluice up --cluster}'s default.
 */
public record ClusterShape(int brokers, int elasticsearchNodes, int instances) {

    public static final ClusterShape SINGLE = new ClusterShape(1, 1, 1);
    public static final ClusterShape CLUSTER = new ClusterShape(3, 3, 2);
    /** Ports of Kafka or Elasticsearch node n are the first's plus (n - 1) times this. */
    public static final int PORT_STEP = 10;
    /**
     * Ports of service instance n are the first's plus (n - 1) times this: apart from the nodes' steps, so an instance's
     * port never lands on a node's (the test platform's actuators sit at 29080, its Kafka nodes from 29092).
     */
    public static final int INSTANCE_PORT_STEP = 100;
    private static final int MAX = 9;

    public ClusterShape {
        if (brokers < 1 || elasticsearchNodes < 1 || instances < 1 || brokers > MAX || elasticsearchNodes > MAX || instances > MAX) {
            throw new IllegalArgumentException("brokers, Elasticsearch nodes and instances are each 1 to " + MAX + ": "
                    + brokers + ", " + elasticsearchNodes + ", " + instances);
        }
    }

    public boolean single() {
        return equals(SINGLE);
    }

    /** {@code brokers elasticsearchNodes instances}: how a data folder records the shape it was made with. */
    public String text() {
        return brokers + " " + elasticsearchNodes + " " + instances;
    }

    public static ClusterShape parse(String text) {
        String[] numbers = text.strip().split("\\s+");
        if (numbers.length != 3) {
            throw new IllegalArgumentException("a cluster shape is three numbers (brokers, Elasticsearch nodes, instances): '" + text + "'");
        }
        return new ClusterShape(Integer.parseInt(numbers[0]), Integer.parseInt(numbers[1]), Integer.parseInt(numbers[2]));
    }

    /**
     * The shape a data folder was made with ({@code shape} in it), or {@link #SINGLE} for one made before shapes were
     * recorded; empty for a folder no platform has run in yet.
     */
    public static java.util.Optional<ClusterShape> recordedIn(java.nio.file.Path dataDir) {
        java.nio.file.Path file = dataDir.resolve("shape");
        try {
            if (java.nio.file.Files.isRegularFile(file)) {
                return java.util.Optional.of(parse(java.nio.file.Files.readString(file)));
            }
            return java.nio.file.Files.isDirectory(dataDir.resolve("kafka")) ? java.util.Optional.of(SINGLE) : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Records {@code requested} for a new data folder, or checks it against the recorded one: a platform keeps the shape it
     * was made with (its Kafka quorum's voters and Elasticsearch's first election are fixed at creation; a single-node
     * Elasticsearch cannot be joined), so another shape needs another data folder.
     */
    public static void claim(java.nio.file.Path dataDir, ClusterShape requested) {
        java.util.Optional<ClusterShape> recorded = recordedIn(dataDir);
        if (recorded.isPresent() && !recorded.get().equals(requested)) {
            throw new IllegalStateException("the platform in " + dataDir + " was made with " + recorded.get().describe() + "; it cannot run as "
                    + requested.describe() + ". Start it as it was made, or move that folder away to make a new platform");
        }
        try {
            java.nio.file.Files.createDirectories(dataDir);
            java.nio.file.Files.writeString(dataDir.resolve("shape"), requested.text() + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot record the shape in " + dataDir, e);
        }
    }

    public String describe() {
        return brokers + " Kafka node(s), " + elasticsearchNodes + " Elasticsearch node(s) and " + instances + " instance(s) of each service";
    }

    /** The port of node {@code n} (1-based), counted from the first's. */
    public static int port(int first, int n) {
        return first + (n - 1) * PORT_STEP;
    }

    /** The port of service instance {@code n} (1-based), counted from the first's. */
    public static int instancePort(int first, int n) {
        return first + (n - 1) * INSTANCE_PORT_STEP;
    }
}
