package io.sluice.runtime.kafka;

import io.sluice.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who talks to Sluice's Kafka, and exactly what each may do. The broker's authorizer refuses whatever no
 * ACL allows ({@code allow.everyone.if.no.acl.found=false}), so this list is the whole of every service's
 * rights. Group, application and transactional ids are granted by prefix: a Streams application's internal
 * topics and transactional ids start with its application id, and a test or a second deployment may run
 * under {@code sluice-indexer-<suffix>} without new grants.
 */
public enum KafkaPrincipal {
    /** The platform itself: the brokers to each other, and the runtime that creates topics, users and ACLs. A super user. */
    ADMIN("sluice-admin"),
    INGEST("sluice-ingest"),
    SHIPPER("sluice-shipper"),
    PROCESSOR("sluice-processor"),
    INDEXER("sluice-indexer"),
    ALERTING("sluice-alerting"),
    /**
     * The indexer's scheduled reconciliation ({@code ./sluice verify} as a metric): reads what Kafka accepted and
     * what was dead-lettered, without a group; writes nothing.
     */
    VERIFIER("sluice-verifier"),
    /**
     * The local operator: {@code tail}, {@code status}, {@code dlq} read every topic; scripts may write
     * {@code logs.raw.v1} ({@code ./sluice ship} itself runs as {@link #SHIPPER}).
     */
    OPERATOR("sluice-operator");

    private final String username;

    KafkaPrincipal(String username) {
        this.username = username;
    }

    public String username() {
        return username;
    }

    public String principal() {
        return "User:" + username;
    }

    /** This principal's grants; none for the super user, who needs none. */
    public List<AclBinding> acls() {
        Grants grants = new Grants(principal());
        switch (this) {
            case ADMIN -> { }
            case INGEST, SHIPPER -> grants.topic(Topics.RAW.name(), AclOperation.WRITE, AclOperation.DESCRIBE);
            case PROCESSOR -> {
                grants.topic(Topics.RAW.name(), AclOperation.READ, AclOperation.DESCRIBE);
                grants.topic(Topics.CATALOG.name(), AclOperation.READ, AclOperation.DESCRIBE);
                grants.topic(Topics.ENRICHED.name(), AclOperation.WRITE, AclOperation.DESCRIBE);
                grants.topic(Topics.DLQ.name(), AclOperation.WRITE, AclOperation.DESCRIBE);
                grants.streamsApplication("sluice-stream-processor");
            }
            case INDEXER -> {
                grants.topic(Topics.ENRICHED.name(), AclOperation.READ, AclOperation.DESCRIBE);
                grants.topic(Topics.ALERTS.name(), AclOperation.READ, AclOperation.DESCRIBE);
                grants.topic(Topics.DLQ.name(), AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE);
                grants.groups("sluice-indexer");
            }
            case ALERTING -> {
                grants.topic(Topics.ENRICHED.name(), AclOperation.READ, AclOperation.DESCRIBE);
                grants.topic(Topics.ALERTS.name(), AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE);
                grants.topic(Topics.DLQ.name(), AclOperation.WRITE, AclOperation.DESCRIBE);
                grants.streamsApplication("sluice-alerting");
                grants.groups("sluice-alert-delivery");
            }
            case VERIFIER -> {
                grants.topic(Topics.RAW.name(), AclOperation.READ, AclOperation.DESCRIBE);
                grants.topic(Topics.DLQ.name(), AclOperation.READ, AclOperation.DESCRIBE);
            }
            case OPERATOR -> {
                for (String topic : List.of(Topics.RAW.name(), Topics.ENRICHED.name(), Topics.DLQ.name(), Topics.ALERTS.name())) {
                    // status reads each topic's min.insync.replicas to say which partitions refuse writes
                    grants.topic(topic, AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
                }
                grants.topic(Topics.RAW.name(), AclOperation.WRITE);
                // status reads every stage's committed positions: describe, never join or commit
                grants.add(ResourceType.GROUP, "sluice-", PatternType.PREFIXED, AclOperation.DESCRIBE);
            }
        }
        return grants.bindings;
    }

    private static final class Grants {
        private final String principal;
        private final List<AclBinding> bindings = new ArrayList<>();

        Grants(String principal) {
            this.principal = principal;
        }

        void topic(String name, AclOperation... operations) {
            add(ResourceType.TOPIC, name, PatternType.LITERAL, operations);
        }

        void groups(String prefix) {
            add(ResourceType.GROUP, prefix, PatternType.PREFIXED, AclOperation.READ, AclOperation.DESCRIBE);
        }

        /** A Streams application: its group, its internal topics (changelogs, repartitions) and its transactions. */
        void streamsApplication(String applicationId) {
            groups(applicationId);
            add(ResourceType.TOPIC, applicationId, PatternType.PREFIXED, AclOperation.ALL);
            add(ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED, AclOperation.WRITE, AclOperation.DESCRIBE);
        }

        void add(ResourceType type, String name, PatternType pattern, AclOperation... operations) {
            for (AclOperation operation : operations) {
                bindings.add(new AclBinding(new ResourcePattern(type, name, pattern),
                        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
            }
        }
    }
}
