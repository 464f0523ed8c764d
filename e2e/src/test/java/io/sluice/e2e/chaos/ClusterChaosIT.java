package io.sluice.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.slack.FakeSlack;
import io.sluice.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The chaos suite: {@code ./sluice up --cluster} (3 Kafka nodes, 3 Elasticsearch nodes, 2 instances of each service,
 * supervised) under continuous ingest through both ingest instances, broken one fault per test — a broker, an
 * Elasticsearch node, three service instances killed with SIGKILL, then a rolling restart of every broker. After each the
 * oracle holds: every line of every 2xx is indexed or dead-lettered exactly once, and an error burst sent during the
 * fault fired exactly once. The supervisor restarts what was killed, as systemd or Kubernetes would. Each test prints
 * what it measured ({@code [chaos] ...}): how long ingest went without a 2xx, how long recovery took.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterChaosIT {

    private static final Duration RESTART = Duration.ofMinutes(3);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private FakeSlack slack;
    private ChaosCluster cluster;
    private ChaosOracle oracle;

    @BeforeAll
    void startCluster() throws Exception {
        slack = new FakeSlack();
        long started = System.nanoTime();
        cluster = ChaosCluster.start(slack.webhookUrl());
        System.out.printf("[chaos] ./sluice up --cluster served after %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        oracle = new ChaosOracle(cluster);
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    @Order(1)
    void shouldRunThreeBrokersThreeNodesAndTwoInstancesOfEachServiceReplicated() throws Exception {
        JsonNode processes = cluster.endpoints().path("processes");
        Map<String, Integer> roles = new TreeMap<>();
        processes.forEach(process -> roles.merge(process.path("role").asString(), 1, Integer::sum));
        assertThat(roles).containsExactlyInAnyOrderEntriesOf(Map.of("kafka", 3, "elasticsearch", 3, "ingest", 2, "stream-processor", 2,
                "indexer", 2, "alerting", 2));

        try (Admin admin = Admin.create(cluster.kafkaAdmin().properties())) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
            for (String topic : List.of(Topics.RAW.name(), Topics.ENRICHED.name(), Topics.DLQ.name(), Topics.ALERTS.name())) {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
                assertThat(description.partitions()).as(topic).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                var config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
                assertThat(config.get("min.insync.replicas").value()).as(topic).isEqualTo("2");
                assertThat(config.get("unclean.leader.election.enable").value()).as(topic).isEqualTo("false");
            }
        }
        JsonNode template = oracle.send("/_index_template/sluice-logs", null);
        assertThat(template.toString()).as("daily log indices get one replica").contains("\"number_of_replicas\":\"1\"");

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (String group : List.of("sluice-stream-processor", "sluice-indexer", "sluice-alerting")) {
                assertThat(partitionsByInstance(group).keySet()).as("instances holding partitions in " + group).hasSize(2);
            }
        });
        JsonNode status = cluster.status();
        assertThat(status.path("kafka").path("brokers").valueStream().filter(broker -> broker.path("up").asBoolean()).count())
                .as("brokers up in ./sluice status").isEqualTo(3);
        assertThat(status.path("elasticsearch").path("nodes").asInt()).isEqualTo(3);
        for (JsonNode stage : status.path("stages")) {
            if (!stage.path("name").asString().equals(Service.INGEST.module())) {
                assertThat(stage.path("instances")).as("instances of " + stage.path("name").asString() + " in ./sluice status").hasSize(2);
            }
        }
    }

    @Test
    @Order(2)
    void shouldLoseNothingWhenTheBrokerLeadingTheBusiestPartitionsIsKilled() throws Exception {
        ChaosTraffic traffic = startTraffic("broker");
        int leader = busiestLeader();
        String name = cluster.settings().kafkaNodes().get(leader - 1).name();
        long killedAt = System.nanoTime();
        long pid = cluster.kill(name);
        String burst = burst(traffic, "broker");
        await().atMost(RESTART).pollInterval(Duration.ofMillis(500)).until(() -> cluster.restarted(name, pid));
        long back = System.nanoTime();
        await().atMost(RESTART).pollInterval(Duration.ofSeconds(1)).until(() -> underReplicated() == 0);
        long inSync = System.nanoTime();
        Thread.sleep(5_000);
        traffic.close();

        ChaosTraffic.Gaps gaps = traffic.gapsSince(killedAt);
        System.out.printf("[chaos] kill -9 %s (leader of the most partitions): restarted after %d ms, every partition fully in sync %d ms"
                + " after the kill; ingest: %s; %d lines acknowledged%n", name, millis(killedAt, back), millis(killedAt, inSync), gaps,
                traffic.acknowledged());
        assertThat(gaps.longestWithoutAcceptMs()).as("ingest answers 2xx again within a bounded window after a broker loss").isLessThan(60_000);
        oracle.assertBalanced(traffic);
        oracle.assertOneFiring(burst);
    }

    @Test
    @Order(3)
    void shouldLoseNothingWhenTheElasticsearchNodeHoldingPrimariesIsKilled() throws Exception {
        ChaosTraffic traffic = startTraffic("es");
        String name = busiestPrimaryNode(traffic.service());
        int id = name.equals("elasticsearch") ? 1 : Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
        long killedAt = System.nanoTime();
        long pid = cluster.kill(name);
        String burst = burst(traffic, "es");
        JsonNode during = cluster.status().path("elasticsearch");
        System.out.printf("[chaos] ./sluice status with %s down: %s, %d nodes, %d unassigned shards%n", name, during.path("status").asString(),
                during.path("nodes").asInt(), during.path("unassignedShards").asInt());
        assertThat(during.path("nodes").asInt() < 3 || !"green".equals(during.path("status").asString()))
                .as("./sluice status tells that a node is missing: " + during).isTrue();

        await().atMost(RESTART).pollInterval(Duration.ofMillis(500)).until(() -> cluster.restarted(name, pid));
        await().atMost(RESTART).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> oracle.send("/_cluster/health", null).path("number_of_nodes").asInt() == 3);
        long rejoined = System.nanoTime();
        await().atMost(RESTART).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> "green".equals(oracle.send("/_cluster/health?timeout=1s", null).path("status").asString()));
        long green = System.nanoTime();
        traffic.close();

        System.out.printf("[chaos] kill -9 %s (node %d, most primaries of %s): back in the cluster after %d ms, green %d ms after it"
                + " rejoined; ingest: %s; %d lines acknowledged%n", name, id, traffic.service(), millis(killedAt, rejoined),
                millis(rejoined, green), traffic.gapsSince(killedAt), traffic.acknowledged());
        oracle.assertBalanced(traffic);
        oracle.assertOneFiring(burst);
    }

    @Test
    @Order(4)
    void shouldMoveTheWorkOfKilledInstancesAndLoseNothing() throws Exception {
        ChaosTraffic traffic = startTraffic("instances");
        Map<String, Victim> victims = new java.util.LinkedHashMap<>();
        victims.put("sluice-stream-processor", new Victim(Service.STREAM_PROCESSOR, 1, Topics.RAW.name()));
        victims.put("sluice-indexer", new Victim(Service.INDEXER, 2, Topics.ENRICHED.name()));
        victims.put("sluice-alerting", new Victim(Service.ALERTING, 1, Topics.ENRICHED.name()));
        Map<String, Set<String>> deadMembers = new HashMap<>();
        for (var entry : victims.entrySet()) {
            deadMembers.put(entry.getKey(), memberIds(entry.getKey(), entry.getValue()));
        }
        long killedAt = System.nanoTime();
        Map<String, Long> pids = new HashMap<>();
        victims.values().forEach(victim -> pids.put(victim.name(), cluster.kill(victim.name())));
        String burst = burst(traffic, "instances");

        Map<String, Long> movedAfter = new TreeMap<>();
        await().atMost(RESTART).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (var entry : victims.entrySet()) {
                if (!movedAfter.containsKey(entry.getKey()) && takenOver(entry.getKey(), deadMembers.get(entry.getKey()), entry.getValue().topic())) {
                    movedAfter.put(entry.getKey(), millis(killedAt, System.nanoTime()));
                }
            }
            return movedAfter.size() == victims.size();
        });
        await().atMost(RESTART).pollInterval(Duration.ofSeconds(1))
                .until(() -> victims.values().stream().allMatch(victim -> cluster.restarted(victim.name(), pids.get(victim.name()))));
        await().atMost(RESTART).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String group : victims.keySet()) {
                assertThat(partitionsByInstance(group).keySet()).as("both instances hold partitions of " + group + " again").hasSize(2);
            }
        });
        long rebalanced = System.nanoTime();
        traffic.close();

        System.out.printf("[chaos] kill -9 %s: their partitions held by the survivors after %s ms; both instances working again %d ms"
                + " after the kill; ingest: %s; %d lines acknowledged%n", victims.values().stream().map(Victim::name).toList(), movedAfter,
                millis(killedAt, rebalanced), traffic.gapsSince(killedAt), traffic.acknowledged());
        oracle.assertBalanced(traffic);
        oracle.assertOneFiring(burst);
    }

    @Test
    @Order(5)
    void shouldLoseNothingThroughARollingRestartOfEveryBroker() throws Exception {
        ChaosTraffic traffic = startTraffic("rolling");
        long began = System.nanoTime();
        String burst = null;
        List<Long> restarts = new ArrayList<>();
        for (RuntimeSettings.KafkaNode node : cluster.settings().kafkaNodes()) {
            long stoppedAt = System.nanoTime();
            long pid = cluster.terminate(node.name());
            if (node.id() == 2) {
                burst = burst(traffic, "rolling");
            }
            await().atMost(RESTART).pollInterval(Duration.ofMillis(500)).until(() -> cluster.restarted(node.name(), pid));
            await().atMost(RESTART).pollInterval(Duration.ofSeconds(1)).until(() -> underReplicated() == 0);
            restarts.add(millis(stoppedAt, System.nanoTime()));
        }
        traffic.close();

        System.out.printf("[chaos] rolling restart of the 3 brokers (SIGTERM, wait until back in sync): %s ms each; ingest: %s;"
                + " %d lines acknowledged%n", restarts, traffic.gapsSince(began), traffic.acknowledged());
        oracle.assertBalanced(traffic);
        oracle.assertOneFiring(burst);
    }

    @Test
    @Order(6)
    void shouldStopEveryProcessOnSigterm() throws Exception {
        List<ProcessHandle> tree = cluster.processTree();
        assertThat(tree).hasSizeGreaterThanOrEqualTo(17);
        cluster.close();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(tree.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)).as("left running").isEmpty());
        assertThat(cluster.settings().dataDir().resolve("endpoints.json")).doesNotExist();
    }

    /** One instance to kill, and the topic whose partitions its group must move. */
    private record Victim(Service service, int instance, String topic) {
        String name() {
            return service.instanceName(instance);
        }
    }

    private ChaosTraffic startTraffic(String fault) {
        ChaosTraffic traffic = ChaosTraffic.start("chaos-" + run + "-" + fault, List.of(cluster.ingest(1), cluster.ingest(2)));
        await().atMost(Duration.ofMinutes(2)).until(() -> traffic.acknowledged() >= 1_000);
        return traffic;
    }

    /** Sends 30 ERROR lines of a service of their own, during the fault: the default rule fires at 10 in a minute. */
    private static String burst(ChaosTraffic traffic, String fault) {
        String service = traffic.service().replace("-" + fault, "-burst-" + fault);
        traffic.burst(service, 30);
        return service;
    }

    /** The broker leading the most partitions of the raw and enriched topics. */
    private int busiestLeader() throws Exception {
        try (Admin admin = Admin.create(cluster.kafkaAdmin().properties())) {
            Map<Integer, Integer> led = new HashMap<>();
            admin.describeTopics(List.of(Topics.RAW.name(), Topics.ENRICHED.name())).allTopicNames().get(30, TimeUnit.SECONDS).values()
                    .forEach(topic -> topic.partitions().forEach(partition -> led.merge(partition.leader().id(), 1, Integer::sum)));
            return led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
    }

    /** Partitions of Sluice's topics with fewer in-sync replicas than replicas. */
    private long underReplicated() throws Exception {
        try (Admin admin = Admin.create(cluster.kafkaAdmin().properties())) {
            return admin.describeTopics(List.of(Topics.RAW.name(), Topics.ENRICHED.name(), Topics.DLQ.name(), Topics.ALERTS.name()))
                    .allTopicNames().get(10, TimeUnit.SECONDS).values().stream().flatMap(topic -> topic.partitions().stream())
                    .filter(partition -> partition.isr().size() < partition.replicas().size()).count();
        }
    }

    /** The process of the Elasticsearch node holding the most primaries of the service's daily indices. */
    private String busiestPrimaryNode(String service) {
        Map<String, Integer> primaries = new HashMap<>();
        oracle.send("/_cat/shards/logs-" + service + "-*?format=json&h=prirep,node", null).forEach(shard -> {
            if ("p".equals(shard.path("prirep").asString())) {
                primaries.merge(shard.path("node").asString(), 1, Integer::sum);
            }
        });
        String node = primaries.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return IntStream.rangeClosed(2, cluster.settings().elasticsearchNodes().size()).filter(id -> node.endsWith("-" + id)).boxed()
                .findFirst().map(id -> "elasticsearch-" + id).orElse("elasticsearch");
    }

    /** Members of {@code group} by instance name, each with the partitions it holds; members without partitions left out. */
    private Map<String, Integer> partitionsByInstance(String group) throws Exception {
        Map<String, Integer> held = new TreeMap<>();
        for (MemberDescription member : members(group)) {
            int partitions = member.assignment().topicPartitions().size();
            if (partitions > 0) {
                held.merge(instanceOf(member), partitions, Integer::sum);
            }
        }
        return held;
    }

    private Set<String> memberIds(String group, Victim victim) throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        for (MemberDescription member : members(group)) {
            if (instanceOf(member).equals(victim.name())) {
                ids.add(member.consumerId());
            }
        }
        assertThat(ids).as("members of " + victim.name() + " in " + group).isNotEmpty();
        return ids;
    }

    /** True once no dead member is left in the group and every partition of {@code topic} is held by a living one. */
    private boolean takenOver(String group, Set<String> dead, String topic) throws Exception {
        List<MemberDescription> members = members(group);
        long held = members.stream().flatMap(member -> member.assignment().topicPartitions().stream())
                .filter(partition -> partition.topic().equals(topic)).distinct().count();
        return members.stream().noneMatch(member -> dead.contains(member.consumerId())) && held == cluster.settings().partitions();
    }

    private List<MemberDescription> members(String group) throws Exception {
        try (Admin admin = Admin.create(cluster.kafkaAdmin().properties())) {
            var description = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
            return description == null ? List.of() : List.copyOf(description.members());
        }
    }

    /** The instance a member belongs to: its client id is {@code <module>.<n>} or starts with it and a dash. */
    private static String instanceOf(MemberDescription member) {
        for (Service service : Service.ALL) {
            for (int instance = 1; instance <= 9; instance++) {
                String prefix = service.kafkaClientId(instance);
                if (member.clientId().equals(prefix) || member.clientId().startsWith(prefix + "-")) {
                    return service.instanceName(instance);
                }
            }
        }
        return member.clientId();
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
