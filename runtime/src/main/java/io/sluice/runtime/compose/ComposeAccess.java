package io.sluice.runtime.compose;

import io.sluice.runtime.elasticsearch.ElasticsearchPrincipal;
import io.sluice.runtime.kafka.KafkaPrincipal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The grants of {@link KafkaPrincipal} and {@link ElasticsearchPrincipal} as the files docker-compose's setup applies
 * ({@code compose/kafka-acls.txt}, {@code compose/elasticsearch-roles/<user>.json}): one source of truth for who may do
 * what, whether Sluice runs under {@code ./sluice up} or in containers. ComposeAccessTest fails when they drift apart.
 */
public final class ComposeAccess {

    private ComposeAccess() {
    }

    /**
     * One line per principal and resource: {@code User:<name> <TOPIC|GROUP|TRANSACTIONAL_ID> <LITERAL|PREFIXED> <resource>
     * <operation,...>}, in the order {@code kafka-acls.sh} takes them.
     */
    public static String kafkaAcls() {
        Map<String, TreeSet<String>> operations = new LinkedHashMap<>();
        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            for (AclBinding binding : principal.acls()) {
                String key = binding.entry().principal() + " " + binding.pattern().resourceType() + " " + binding.pattern().patternType()
                        + " " + binding.pattern().name();
                operations.computeIfAbsent(key, k -> new TreeSet<>()).add(binding.entry().operation().name());
            }
        }
        StringBuilder text = new StringBuilder("# generated from KafkaPrincipal (ComposeAccessTest checks it): principal type pattern resource operations\n");
        operations.forEach((key, ops) -> text.append(key).append(' ').append(String.join(",", ops)).append('\n'));
        return text.toString();
    }

    /** Each Sluice user's role descriptors (what its API key may do), by user name; the administrator has none. */
    public static Map<String, String> elasticsearchRoles() {
        Map<String, String> roles = new LinkedHashMap<>();
        for (ElasticsearchPrincipal principal : ElasticsearchPrincipal.values()) {
            if (principal.roleDescriptors() != null) {
                roles.put(principal.principalName(), principal.roleDescriptors().strip() + "\n");
            }
        }
        return roles;
    }

    /** The Kafka users the compose setup gives a SCRAM credential (every principal but the administrator). */
    public static List<String> kafkaUsers() {
        return List.of(KafkaPrincipal.values()).stream().filter(principal -> principal != KafkaPrincipal.ADMIN)
                .map(KafkaPrincipal::username).collect(Collectors.toList());
    }
}
