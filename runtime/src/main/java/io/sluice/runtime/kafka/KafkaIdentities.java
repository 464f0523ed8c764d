package io.sluice.runtime.kafka;

import io.sluice.kafka.KafkaAccess;

/** How each {@link KafkaPrincipal} reaches a platform's Kafka. */
public interface KafkaIdentities {

    KafkaAccess as(KafkaPrincipal principal);

    /** The platform's administrator: topics, users, ACLs, and the test harness's own reads and writes. */
    default KafkaAccess admin() {
        return as(KafkaPrincipal.ADMIN);
    }

    /** The client listener's address, as a service is told it. */
    default String bootstrapServers() {
        return as(KafkaPrincipal.OPERATOR).bootstrapServers();
    }

    /** A broker Sluice does not run, open to anyone (a test container): every principal is the same anonymous client. */
    static KafkaIdentities plaintext(String bootstrapServers) {
        KafkaAccess access = KafkaAccess.plaintext(bootstrapServers);
        return principal -> access;
    }
}
