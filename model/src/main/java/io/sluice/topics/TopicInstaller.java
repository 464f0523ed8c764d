package io.sluice.topics;

import io.sluice.kafka.KafkaAccess;
import io.sluice.replication.Replication;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the platform's topics if they are missing; safe to run at every start. */
public final class TopicInstaller {

    private static final Logger log = LoggerFactory.getLogger(TopicInstaller.class);

    private final KafkaAccess kafka;
    private final int partitions;
    private final Replication replication;

    /** @param kafka a principal allowed to describe and create the topics (the platform's administrator) */
    public TopicInstaller(KafkaAccess kafka, int partitions) {
        this(kafka, partitions, Replication.SINGLE_NODE);
    }

    /** Topics with {@code replication}'s factor, {@code min.insync.replicas} and no unclean leader election. */
    public TopicInstaller(KafkaAccess kafka, int partitions, Replication replication) {
        this.kafka = kafka;
        this.partitions = partitions;
        this.replication = replication;
    }

    public void install() {
        try (Admin admin = Admin.create(kafka.properties())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), partitionsOf(topic), replication.replicationFactor())
                            .configs(configOf(topic)))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                log.info("created topics {} on {} ({})", missing.stream().map(NewTopic::name).toList(), kafka, replication);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + kafka, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private int partitionsOf(Topic<?, ?> topic) {
        return topic == Topics.ALERTS || topic == Topics.DLQ || topic == Topics.CATALOG ? 1 : partitions;
    }

    private Map<String, String> configOf(Topic<?, ?> topic) {
        Map<String, String> config = new java.util.HashMap<>(replication.topicConfig());
        if (topic == Topics.CATALOG) {
            config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return config;
    }
}
