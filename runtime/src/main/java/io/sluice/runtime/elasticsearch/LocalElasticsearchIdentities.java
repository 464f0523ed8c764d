package io.sluice.runtime.elasticsearch;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.json.Json;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.secrets.SecretStore;
import io.sluice.runtime.tls.LocalCertificateAuthority;
import io.sluice.runtime.tls.ServerCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import tools.jackson.databind.JsonNode;

/**
 * The Elasticsearch identities of a runtime this machine runs, kept in its data folder: one file-realm user per
 * {@link ElasticsearchPrincipal} (passwords in {@code secrets/}, only their bcrypt hashes in the node's config),
 * each with its own role, and the node's certificate from the local CA. Passwords older than
 * {@link #PASSWORD_LIFETIME} are replaced when the node starts; every holder is handed the new one at its start.
 */
public final class LocalElasticsearchIdentities implements ElasticsearchIdentities {

    static final Duration PASSWORD_LIFETIME = Duration.ofDays(90);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RuntimeSettings settings;
    private final SecretStore secrets;
    private final Clock clock;

    public LocalElasticsearchIdentities(RuntimeSettings settings) {
        this(settings, Clock.systemUTC());
    }

    LocalElasticsearchIdentities(RuntimeSettings settings, Clock clock) {
        this.settings = settings;
        this.secrets = new SecretStore(settings.dataDir().resolve("secrets"));
        this.clock = clock;
    }

    public Path caCertificate() {
        return settings.dataDir().resolve("tls").resolve("ca.crt");
    }

    @Override
    public String url() {
        return settings.elasticsearchUrl();
    }

    @Override
    public ElasticsearchAccess as(ElasticsearchPrincipal principal) {
        return ElasticsearchAccess.basic(settings.elasticsearchUrl(), principal.principalName(), password(principal), caCertificate());
    }

    /** The administrator's password, for a client that only takes a user and a password (rsyslog's omelasticsearch). */
    public String adminPassword() {
        return password(ElasticsearchPrincipal.ADMIN);
    }

    private String password(ElasticsearchPrincipal principal) {
        return secrets.password("elasticsearch-" + principal.principalName());
    }

    /** A file-realm {@code users} line: the name and a bcrypt hash of the password, never the password. */
    private static String userLine(String username, String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return username + ":" + OpenBSDBCrypt.generate("2a", password.toCharArray(), salt, 10) + "\n";
    }

    /**
     * What the node's config folder must hold for security (paths relative to it): its certificate and key,
     * issued by the local CA for {@code localhost} and {@code 127.0.0.1}; the users with bcrypt hashes of their
     * passwords (never the passwords), rotating those past their lifetime when {@code rotate} (the node is starting);
     * each user's role; and the roles.
     */
    Map<String, String> nodeFiles(boolean rotate) {
        LocalCertificateAuthority authority = LocalCertificateAuthority.openOrCreate(caCertificate().getParent(), "Sluice",
                Clock.systemUTC());
        ServerCertificates.Issued issued = new ServerCertificates(authority).forServer("elasticsearch", Set.of("localhost", "127.0.0.1"));
        StringBuilder users = new StringBuilder();
        StringBuilder usersRoles = new StringBuilder();
        StringBuilder roles = new StringBuilder();
        for (ElasticsearchPrincipal principal : ElasticsearchPrincipal.values()) {
            String name = "elasticsearch-" + principal.principalName();
            // rotation only when the node starts: every holder of a password is handed it at its own start
            String password = rotate ? secrets.password(name, PASSWORD_LIFETIME, clock) : secrets.password(name);
            users.append(userLine(principal.principalName(), password));
            usersRoles.append(principal.role()).append(':').append(principal.principalName()).append('\n');
            if (principal.roleDescriptors() != null) {
                // one role per line, "name: {descriptor}" (JSON is YAML): the file realm reads roles.yml role by
                // role, each starting at the line's first column
                JsonNode descriptor = Json.MAPPER.readTree(principal.roleDescriptors()).path(principal.principalName());
                roles.append(principal.principalName()).append(": ").append(Json.MAPPER.writeValueAsString(descriptor)).append('\n');
            }
        }
        // teams granted read access (./sluice access grant): their users and roles come back at every start
        TeamAccess teams = new TeamAccess(settings);
        for (TeamAccess.Grant grant : teams.grants()) {
            users.append(userLine(grant.username(), teams.password(grant)));
            usersRoles.append(grant.username()).append(':').append(grant.username()).append('\n');
            roles.append(grant.username()).append(": ").append(TeamAccess.roleDescriptor(grant)).append('\n');
        }
        try {
            Map<String, String> files = new LinkedHashMap<>();
            files.put("tls/elasticsearch.crt", Files.readString(issued.certificateChain()));
            files.put("tls/elasticsearch.key", Files.readString(issued.key()));
            // what nodes of a cluster check each other's transport certificates against
            files.put("tls/ca.crt", Files.readString(caCertificate()));
            files.put("users", users.toString());
            files.put("users_roles", usersRoles.toString());
            files.put("roles.yml", roles.toString());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the node's certificate", e);
        }
    }
}
