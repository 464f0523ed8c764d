package io.sluice.runtime.ingest;

import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.secrets.SecretStore;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.tls.LocalCertificateAuthority;
import io.sluice.runtime.tls.ServerCertificates;
import io.sluice.tokens.IngestAccess;
import io.sluice.tokens.IngestTokens;
import io.sluice.tokens.TokenEntry;
import io.sluice.tokens.TokenFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the ingest service of a local runtime is secured with, kept in its data folder: its certificate from the
 * local CA, the token file (digests only: {@code access/ingest-tokens}) and the operator's own unbound token
 * ({@code secrets/ingest-operator.password}), which the CLI, the demo traffic and the tests send.
 */
public final class IngestIdentities {

    /** The token the local operator sends: unbound, made on first use, never revoked by {@code token revoke}. */
    public static final String OPERATOR = "operator";

    private final Path dataDir;
    private final String url;
    private final Set<String> listenNames;
    private final SecretStore secrets;

    public IngestIdentities(Path dataDir, String url, Set<String> listenNames) {
        this.dataDir = dataDir;
        this.url = url;
        this.listenNames = Set.copyOf(listenNames);
        this.secrets = new SecretStore(dataDir.resolve("secrets"));
    }

    public static IngestIdentities of(RuntimeSettings settings) {
        return new IngestIdentities(settings.dataDir(), Service.INGEST.url(settings.profile()), Set.of());
    }

    /** The same runtime, its ingest also reached as {@code address} (./sluice up --listen): the certificate names it too. */
    public IngestIdentities listeningOn(String address) {
        Set<String> names = new LinkedHashSet<>(listenNames);
        names.add(address);
        return new IngestIdentities(dataDir, url, names);
    }

    public Path caCertificate() {
        return dataDir.resolve("tls").resolve("ca.crt");
    }

    public Path tokenFile() {
        return dataDir.resolve("access").resolve("ingest-tokens");
    }

    /** The local operator: the runtime's ingest URL, the operator's token, the CA. */
    public IngestAccess operator() {
        return new IngestAccess(url, operatorToken(), caCertificate());
    }

    /**
     * What the ingest service reads to serve HTTPS and syslog over TLS and to check tokens: paths only (the key file
     * is owner-only; the token file holds digests). Issues the certificate if it is missing or due.
     */
    public Map<String, String> serviceEnvironment() {
        LocalCertificateAuthority authority = LocalCertificateAuthority.openOrCreate(dataDir.resolve("tls"), "Sluice", Clock.systemUTC());
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
        listenNames.stream().filter(name -> !name.equals("0.0.0.0") && !name.equals("::")).forEach(names::add);
        ServerCertificates.Issued issued = new ServerCertificates(authority).forServer("ingest", names);
        operatorToken();
        Map<String, String> environment = new HashMap<>();
        environment.put("SLUICE_INGEST_TLS_CERTIFICATE", issued.certificateChain().toString());
        environment.put("SLUICE_INGEST_TLS_KEY", issued.key().toString());
        environment.put("SLUICE_INGEST_TLS_CLIENT_CA", authority.certificateFile().toString());
        environment.put("SLUICE_INGEST_AUTH_TOKEN_FILE", tokenFile().toString());
        return environment;
    }

    /**
     * A client certificate for syslog over TLS (RFC 5425 authenticates both ends): key and chain from the local CA,
     * in the data folder's {@code tls/} as {@code syslog-client-<name>.crt|.key}, the key owner-only. Kept and renewed
     * like the servers'.
     */
    public ServerCertificates.Issued syslogClient(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,62}")) {
            throw new IllegalArgumentException("a syslog client's name is a host name: letters, digits, '.' and '-'");
        }
        LocalCertificateAuthority authority = LocalCertificateAuthority.openOrCreate(dataDir.resolve("tls"), "Sluice", Clock.systemUTC());
        return ServerCertificates.withTraditionalKey(new ServerCertificates(authority).forServer("syslog-client-" + name, Set.of(name)));
    }

    /** Makes a token named {@code name}, bound to {@code service} (or unbound for {@link TokenEntry#UNBOUND}); returns it, the only time it is shown. */
    public String create(String name, String scope) {
        if (name.equals(OPERATOR)) {
            throw new IllegalArgumentException("'" + OPERATOR + "' is the local operator's token: choose another name");
        }
        String token = IngestTokens.generate();
        update(entries -> TokenFile.with(entries, TokenEntry.of(name, scope, token)));
        return token;
    }

    /** Removes the token named {@code name}; false when there is none. The ingest service stops taking it within seconds. */
    public boolean revoke(String name) {
        if (name.equals(OPERATOR)) {
            throw new IllegalArgumentException("the operator's token cannot be revoked; delete " + secrets.file("ingest-" + OPERATOR)
                    + " and restart to replace it");
        }
        boolean[] found = {false};
        update(entries -> {
            found[0] = entries.stream().anyMatch(entry -> entry.name().equals(name));
            return entries.stream().filter(entry -> !entry.name().equals(name)).toList();
        });
        return found[0];
    }

    public List<TokenEntry> tokens() {
        try {
            return Files.isRegularFile(tokenFile()) ? TokenFile.parse(Files.readString(tokenFile())) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tokenFile(), e);
        }
    }

    /** The operator's token, made (and its digest filed) the first time; filed again if the file lost it. */
    private String operatorToken() {
        String token = secrets.secret("ingest-" + OPERATOR, IngestTokens::generate);
        TokenEntry entry = TokenEntry.of(OPERATOR, TokenEntry.UNBOUND, token);
        if (!tokens().contains(entry)) {
            update(entries -> TokenFile.with(entries, entry));
        }
        return token;
    }

    /** Read, change, write atomically, under a lock: two CLIs making tokens at once both keep theirs. */
    private void update(java.util.function.UnaryOperator<List<TokenEntry>> change) {
        Path file = tokenFile();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file.resolveSibling("ingest-tokens.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                SecretStore.writeOwnerOnly(file, TokenFile.format(change.apply(tokens())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
