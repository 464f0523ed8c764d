package io.sluice.runtime.kafka;

import io.sluice.kafka.KafkaAccess;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.secrets.SecretStore;
import io.sluice.runtime.tls.LocalCertificateAuthority;
import io.sluice.runtime.tls.ServerCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The Kafka identities of a runtime this machine runs, kept in its data folder: each {@link KafkaPrincipal}'s password (in {@code secrets/}), the
 * local certificate authority clients trust (in {@code tls/}), and how each principal connects. Services
 * and the operator's commands reach the client listener with SCRAM-SHA-512; the administrator reaches the
 * broker listener with PLAIN, so its user exists before any SCRAM credential does.
 */
public final class LocalKafkaIdentities implements KafkaIdentities {

    private static final int SCRAM_ITERATIONS = 8192;

    private final RuntimeSettings settings;
    private final SecretStore secrets;

    public LocalKafkaIdentities(RuntimeSettings settings) {
        this.settings = settings;
        this.secrets = new SecretStore(settings.dataDir().resolve("secrets"));
    }

    /** Where each principal's password is kept ({@code kafka-<user>.password}, owner-only). */
    public java.nio.file.Path secretsDir() {
        return secrets.dir();
    }

    /** The CA certificate every client of this runtime trusts. */
    public Path caCertificate() {
        return tlsDir().resolve("ca.crt");
    }

    @Override
    public String bootstrapServers() {
        return settings.kafkaBootstrap();
    }

    @Override
    public KafkaAccess as(KafkaPrincipal principal) {
        String password = secrets.password("kafka-" + principal.username());
        return principal == KafkaPrincipal.ADMIN
                ? KafkaAccess.plain(settings.kafkaAdminBootstrap(), principal.username(), password, caCertificate())
                : KafkaAccess.scram(settings.kafkaBootstrap(), principal.username(), password, caCertificate());
    }

    /**
     * The broker's key and certificate chain in one owner-only PEM file (Kafka's PEM key store), issued by the
     * local CA (created first if there is none) for the names clients dial.
     */
    Path brokerKeyStore() {
        LocalCertificateAuthority authority = LocalCertificateAuthority.openOrCreate(tlsDir(), "Sluice", Clock.systemUTC());
        ServerCertificates.Issued issued = new ServerCertificates(authority).forServer("kafka", Set.of("localhost", "127.0.0.1"));
        Path keyStore = tlsDir().resolve("kafka-keystore.pem");
        try {
            if (issued.renewed() || !Files.isRegularFile(keyStore)) {
                SecretStore.writeOwnerOnly(keyStore, Files.readString(issued.key()) + Files.readString(issued.certificateChain()));
            }
            return keyStore;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker's key store " + keyStore, e);
        }
    }

    String adminPassword() {
        return admin().password();
    }

    /**
     * Gives every principal but the administrator its SCRAM credential and its ACLs. Safe at every start: a
     * credential is set again to the same password, an ACL that exists is left as it is. Runs on a data
     * folder formatted before security existed as well as on a new one.
     */
    void provision() {
        try (Admin admin = Admin.create(admin().properties())) {
            List<UserScramCredentialAlteration> credentials = new ArrayList<>();
            List<AclBinding> acls = new ArrayList<>();
            for (KafkaPrincipal principal : KafkaPrincipal.values()) {
                if (principal != KafkaPrincipal.ADMIN) {
                    credentials.add(new UserScramCredentialUpsertion(principal.username(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), as(principal).password()));
                }
                acls.addAll(principal.acls());
            }
            admin.alterUserScramCredentials(credentials).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot give the Kafka users their credentials and ACLs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning Kafka users", e);
        }
    }

    private Path tlsDir() {
        return settings.dataDir().resolve("tls");
    }
}
