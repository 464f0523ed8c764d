package io.sluice.runtime.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local CA and the server certificates it issues, checked by real TLS handshakes on loopback. */
class LocalCertificateAuthorityTest {

    private static final Clock NOW = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void shouldCreateTheAuthorityOnceWithItsKeyReadableOnlyByItsOwner() throws Exception {
        LocalCertificateAuthority first = LocalCertificateAuthority.openOrCreate(dir, "test", NOW);
        LocalCertificateAuthority again = LocalCertificateAuthority.openOrCreate(dir, "test", NOW);

        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(first.certificate().getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.key")))).isEqualTo("rw-------");
        assertThat(first.certificateFile()).hasContent(Files.readString(dir.resolve("ca.crt")));
    }

    @Test
    void shouldIssueAServerCertificateThatAClientTrustingOnlyTheCaAcceptsForTheNameItDialled() throws Exception {
        LocalCertificateAuthority authority = LocalCertificateAuthority.openOrCreate(dir, "test", NOW);
        ServerCertificates.Issued kafka = new ServerCertificates(authority).forServer("kafka", Set.of("localhost", "127.0.0.1"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kafka.key()))).isEqualTo("rw-------");
        assertThat(LocalCertificateAuthority.Pem.certificates(Files.readString(kafka.certificateChain())))
                .as("the server's certificate, then the CA's").hasSize(2).element(1).isEqualTo(authority.certificate());
        assertThat(handshake(kafka, trusting(authority.certificate()), "localhost")).isEqualTo("hello");
    }

    @Test
    void shouldBeRefusedByAClientThatTrustsAnotherAuthorityOrDialledAnotherName() throws Exception {
        LocalCertificateAuthority authority = LocalCertificateAuthority.openOrCreate(dir.resolve("ours"), "ours", NOW);
        LocalCertificateAuthority other = LocalCertificateAuthority.openOrCreate(dir.resolve("other"), "other", NOW);
        ServerCertificates.Issued ingest = new ServerCertificates(authority).forServer("ingest", Set.of("localhost"));

        assertThatThrownBy(() -> handshake(ingest, trusting(other.certificate()), "localhost"))
                .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("PKIX path building failed");
        assertThatThrownBy(() -> handshake(ingest, trusting(authority.certificate()), "ingest.example.com"))
                .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("ingest.example.com");
    }

    @Test
    void shouldKeepAUsableCertificateAndIssueAgainWhenNamesChangeOrExpiryNears() throws Exception {
        LocalCertificateAuthority authority = LocalCertificateAuthority.openOrCreate(dir, "test", NOW);
        ServerCertificates certificates = new ServerCertificates(authority);
        ServerCertificates.Issued first = certificates.forServer("elasticsearch", Set.of("localhost", "127.0.0.1"));
        String issued = Files.readString(first.certificateChain());

        assertThat(certificates.forServer("elasticsearch", Set.of("127.0.0.1", "localhost")).renewed()).isFalse();
        assertThat(Files.readString(first.certificateChain())).isEqualTo(issued);
        assertThat(certificates.forServer("elasticsearch", Set.of("localhost", "127.0.0.1", "es.internal")).renewed())
                .as("a new name").isTrue();

        Clock nearExpiry = Clock.offset(NOW, Duration.ofDays(380));
        LocalCertificateAuthority later = LocalCertificateAuthority.openOrCreate(dir, "test", nearExpiry);
        assertThat(new ServerCertificates(later).forServer("elasticsearch", Set.of("localhost", "127.0.0.1", "es.internal")).renewed())
                .as("within 30 days of expiry").isTrue();

        Files.writeString(first.certificateChain(), "-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n");
        assertThat(new ServerCertificates(later).forServer("elasticsearch", Set.of("localhost", "127.0.0.1", "es.internal")).renewed())
                .as("unreadable").isTrue();
    }

    private static KeyStore trusting(X509Certificate authority) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", authority);
        return trust;
    }

    /** A TLS server on loopback with the issued key and chain; a client that trusts {@code trust} and checks {@code host}. */
    private static String handshake(ServerCertificates.Issued server, KeyStore trust, String host) throws Exception {
        List<X509Certificate> chain = LocalCertificateAuthority.Pem.certificates(Files.readString(server.certificateChain()));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", LocalCertificateAuthority.Pem.privateKey(Files.readString(server.key())), new char[0],
                chain.toArray(Certificate[]::new));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trustManagers.getTrustManagers(), null);

        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept(); OutputStream out = accepted.getOutputStream()) {
                    out.write("hello".getBytes());
                } catch (Exception refused) {
                    // the client gave up on the handshake: what the negative cases expect
                }
            });
            // connected to loopback whatever the name: the name is what the client asks for and checks
            java.net.Socket plain = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), listener.getLocalPort());
            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory().createSocket(plain, host, listener.getLocalPort(), true)) {
                SSLParameters parameters = client.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the host name is checked, as HTTPS and Kafka clients do
                client.setSSLParameters(parameters);
                client.startHandshake();
                try (InputStream in = client.getInputStream()) {
                    return new String(in.readAllBytes());
                }
            } finally {
                served.get(10, TimeUnit.SECONDS);
            }
        }
    }
}
