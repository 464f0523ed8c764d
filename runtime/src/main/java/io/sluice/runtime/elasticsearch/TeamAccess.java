package io.sluice.runtime.elasticsearch;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.json.Json;
import io.sluice.kafka.KafkaAccess;
import io.sluice.runtime.Classpaths;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.runtime.secrets.SecretStore;
import io.sluice.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Read access for a team: a user of the node's file realm, {@code team-<team>}, whose role may read the daily log
 * indices of exactly the team's services (from the service catalog) and nothing else. Kept in the data folder
 * ({@code access/teams/<team>.json}, the password in {@code secrets/}) so the node gets it back at every start,
 * and written into the running node's realm at once (Elasticsearch reloads its realm files by itself).
 *
 * <p>Each service's indices are named by an anchored regular expression ({@code logs-<service>-yyyy.MM.dd}), not
 * a wildcard: a grant for {@code pay} must not read {@code payments}.
 */
public final class TeamAccess {

    private final RuntimeSettings settings;
    private final SecretStore secrets;

    public TeamAccess(RuntimeSettings settings) {
        this.settings = settings;
        this.secrets = new SecretStore(settings.dataDir().resolve("secrets"));
    }

    /** A team's grant: its user, and the services its role reads. */
    public record Grant(String team, String username, List<String> services) {
    }

    /**
     * Grants {@code team} read access to {@code services}' logs (replacing an earlier grant of the team) and
     * returns how to use it.
     */
    public ElasticsearchAccess grant(String team, Collection<String> services) {
        if (!team.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a team is 1 to 64 letters, digits, '_' or '-', not '" + team + "'");
        }
        if (services.isEmpty()) {
            throw new IllegalArgumentException("the service catalog names no service of team '" + team
                    + "': nothing to grant (publish the team's services to services.catalog.v1 first)");
        }
        Grant grant = new Grant(team, "team-" + team.toLowerCase(Locale.ROOT), List.copyOf(new TreeSet<>(services)));
        try {
            Files.createDirectories(teamsDir());
            Files.writeString(teamsDir().resolve(team + ".json"), Json.MAPPER.writeValueAsString(grant));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the grant of team " + team, e);
        }
        ElasticsearchLayout layout = ElasticsearchLayout.of(settings, Classpaths.elasticsearchZip());
        if (Files.isDirectory(layout.config())) {
            layout.writeSecretFiles(new LocalElasticsearchIdentities(settings).nodeFiles(false));
        }
        return ElasticsearchAccess.basic(settings.elasticsearchUrl(), grant.username(), password(grant),
                new LocalElasticsearchIdentities(settings).caCertificate());
    }

    /** Every team granted so far. */
    List<Grant> grants() {
        if (!Files.isDirectory(teamsDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(teamsDir())) {
            List<Grant> grants = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                grants.add(Json.MAPPER.readValue(Files.readString(file), Grant.class));
            }
            return grants;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the team grants in " + teamsDir(), e);
        }
    }

    String password(Grant grant) {
        return secrets.password("elasticsearch-" + grant.username());
    }

    /** The grant's role: read and view the metadata of its services' daily log indices, nothing else. */
    static String roleDescriptor(Grant grant) {
        ArrayNode names = Json.MAPPER.createArrayNode();
        grant.services().forEach(service -> names.add("/logs-" + escape(service) + "-[0-9]{4}\\.[0-9]{2}\\.[0-9]{2}/"));
        ObjectNode index = Json.MAPPER.createObjectNode();
        index.set("names", names);
        index.set("privileges", Json.MAPPER.createArrayNode().add("read").add("view_index_metadata"));
        ObjectNode role = Json.MAPPER.createObjectNode();
        role.set("indices", Json.MAPPER.createArrayNode().add(index));
        return Json.MAPPER.writeValueAsString(role);
    }

    /** A service name as literal text in a Lucene regular expression. */
    static String escape(String service) {
        StringBuilder escaped = new StringBuilder();
        for (char c : service.toCharArray()) {
            escaped.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
        return escaped.toString();
    }

    /** Grants {@code team} read access to the services the catalog ({@code services.catalog.v1}, read as {@code kafka}) gives it. */
    public ElasticsearchAccess grantFromCatalog(String team, KafkaAccess kafka) {
        return grant(team, servicesOf(team, catalog(kafka)));
    }

    /** The catalog as it stands: each service's latest entry; a service whose latest record is empty was removed. */
    public static Map<String, JsonNode> catalog(KafkaAccess kafka) {
        Map<String, JsonNode> latest = new java.util.HashMap<>();
        for (ConsumerRecord<String, byte[]> record : TopicRecords.read(kafka, Topics.CATALOG.name(), record -> true,
                Integer.MAX_VALUE, java.time.Duration.ofSeconds(5))) {
            if (record.value() == null || record.value().length == 0) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), Json.MAPPER.readTree(record.value()));
            }
        }
        return latest;
    }

    /** The services of {@code team} in a catalog read as service → entry. */
    static List<String> servicesOf(String team, Map<String, JsonNode> catalog) {
        return catalog.entrySet().stream().filter(entry -> team.equals(entry.getValue().path("team").asString(null)))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private Path teamsDir() {
        return settings.dataDir().resolve("access").resolve("teams");
    }
}
