package io.sluice.topics;

import io.sluice.kafka.KafkaAccess;
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

    /** @param kafka a principal allowed to describe and create the topics (the platform's administrator) */
    public TopicInstaller(KafkaAccess kafka, int partitions) {
        this.kafka = kafka;
        this.partitions = partitions;
    }

    public void install() {
        try (Admin admin = Admin.create(kafka.properties())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), partitionsOf(topic), (short) 1).configs(configOf(topic)))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                log.info("created topics {} on {}", missing.stream().map(NewTopic::name).toList(), kafka);
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

    private static Map<String, String> configOf(Topic<?, ?> topic) {
        return topic == Topics.CATALOG ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT) : Map.of();
    }
}
