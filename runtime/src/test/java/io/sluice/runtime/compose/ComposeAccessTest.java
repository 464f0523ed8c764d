package io.sluice.runtime.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.SluiceHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose's setup grants exactly what the local runtime grants: its ACL list and API-key role descriptors are
 * the ones KafkaPrincipal and ElasticsearchPrincipal define. On a difference, regenerate with
 * {@code SLUICE_WRITE_COMPOSE_ACCESS=1 mvn -pl runtime test -Dtest=ComposeAccessTest} and review the diff.
 */
class ComposeAccessTest {

    private static final Path COMPOSE = SluiceHome.locate().resolve("compose");

    @Test
    void composeShouldGrantWhatThePrincipalsDefine() throws Exception {
        Path acls = COMPOSE.resolve("kafka-acls.txt");
        Map<String, String> roles = ComposeAccess.elasticsearchRoles();
        if (System.getenv("SLUICE_WRITE_COMPOSE_ACCESS") != null) {
            Files.writeString(acls, ComposeAccess.kafkaAcls());
            Files.createDirectories(COMPOSE.resolve("elasticsearch-roles"));
            for (Map.Entry<String, String> role : roles.entrySet()) {
                Files.writeString(COMPOSE.resolve("elasticsearch-roles").resolve(role.getKey() + ".json"), role.getValue());
            }
        }

        assertThat(Files.readString(acls)).isEqualTo(ComposeAccess.kafkaAcls());
        assertThat(ComposeAccess.kafkaAcls()).contains("User:sluice-ingest TOPIC LITERAL logs.raw.v1 DESCRIBE,WRITE")
                .doesNotContain("User:sluice-ingest TOPIC LITERAL logs.enriched.v1");
        try (var files = Files.list(COMPOSE.resolve("elasticsearch-roles"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    roles.keySet().stream().map(name -> name + ".json").toList());
        }
        for (Map.Entry<String, String> role : roles.entrySet()) {
            assertThat(Files.readString(COMPOSE.resolve("elasticsearch-roles").resolve(role.getKey() + ".json")))
                    .as(role.getKey()).isEqualTo(role.getValue());
        }
        String kafkaSetup = Files.readString(COMPOSE.resolve("kafka-setup.sh"));
        ComposeAccess.kafkaUsers().forEach(user -> assertThat(kafkaSetup).as("kafka-setup gives %s its credential", user)
                .containsPattern("(?m)^scram " + user + " /run/sluice/"));
    }
}
