package io.sluice.cli.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/**
 * What a cluster of brokers and instances looks like from the Admin API: which expected brokers are up, how many
 * partitions have lost in-sync replicas, and which instance of a stage holds which partitions. Figures are pure
 * functions of what the API returned ({@link #replicationOf}, {@link #instancesOf}), so they are tested without a broker.
 */
final class KafkaClusterReader {

    private static final long TIMEOUT_MS = 5_000;

    private KafkaClusterReader() {
    }

    /** Partitions with a shrunk ISR, and those below their topic's {@code min.insync.replicas}. */
    record Replication(int underReplicated, int belowMinInsync) {
    }

    static List<Station.Broker> brokers(Admin admin, List<StationReader.ExpectedBroker> expected) throws Exception {
        Set<Integer> up = admin.describeCluster().nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).stream().map(Node::id)
                .collect(Collectors.toSet());
        return expected.stream().map(broker -> new Station.Broker(broker.id(), broker.address(), up.contains(broker.id()))).toList();
    }

    static Replication replication(Admin admin, Collection<String> topics) throws Exception {
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        List<ConfigResource> resources = topics.stream().map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<String, Integer> minInsync = new TreeMap<>();
        configs.forEach((resource, config) -> minInsync.put(resource.name(),
                config.get("min.insync.replicas") == null ? 1 : Integer.parseInt(config.get("min.insync.replicas").value())));
        return replicationOf(described, minInsync);
    }

    static Replication replicationOf(Map<String, TopicDescription> topics, Map<String, Integer> minInsync) {
        int under = 0;
        int below = 0;
        for (TopicDescription topic : topics.values()) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                if (partition.isr().size() < partition.replicas().size()) {
                    under++;
                }
                if (partition.isr().size() < minInsync.getOrDefault(topic.name(), 1)) {
                    below++;
                }
            }
        }
        return new Replication(under, below);
    }

    static List<Station.Instance> instances(Admin admin, String group, Map<String, String> instancesByClientId)
            throws ExecutionException, InterruptedException, TimeoutException {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .get(group);
        return description == null ? List.of() : instancesOf(description.members(), instancesByClientId);
    }

    /**
     * The members grouped by the instance their client id names (every Kafka client of instance {@code indexer-2} has an id
     * {@code indexer.2} or {@code indexer.2-<n>}); a member no instance matches keeps its client id.
     */
    static List<Station.Instance> instancesOf(Collection<MemberDescription> members, Map<String, String> instancesByClientId) {
        Map<String, List<String>> partitions = new TreeMap<>();
        for (MemberDescription member : members) {
            String instance = instancesByClientId.entrySet().stream()
                    .filter(entry -> member.clientId().equals(entry.getKey()) || member.clientId().startsWith(entry.getKey() + "-"))
                    .map(Map.Entry::getValue).findFirst().orElse(member.clientId());
            List<String> held = partitions.computeIfAbsent(instance, name -> new ArrayList<>());
            member.assignment().topicPartitions().forEach(partition -> held.add(partition.topic() + "-" + partition.partition()));
        }
        List<Station.Instance> instances = new ArrayList<>();
        partitions.forEach((name, held) -> instances.add(new Station.Instance(name, held.stream().sorted().toList())));
        return instances;
    }
}
