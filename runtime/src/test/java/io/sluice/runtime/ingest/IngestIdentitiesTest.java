package io.sluice.runtime.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.tls.ServerCertificates;
import io.sluice.tokens.IngestTokens;
import io.sluice.tokens.TokenEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestIdentitiesTest {

    @TempDir
    Path data;

    private IngestIdentities identities() {
        return new IngestIdentities(data, "https://localhost:8080", Set.of());
    }

    @Test
    void shouldKeepOnlyDigestsInTheTokenFileAndTheOperatorsTokenOwnerOnly() throws Exception {
        IngestIdentities identities = identities();
        String operator = identities.operator().token();
        String ci = identities.create("ci", "checkout");

        String file = Files.readString(identities.tokenFile());
        assertThat(operator).startsWith(IngestTokens.PREFIX).isNotEqualTo(ci);
        assertThat(file).doesNotContain(operator).doesNotContain(ci)
                .contains("operator * " + IngestTokens.digest(operator), "ci checkout " + IngestTokens.digest(ci));
        assertThat(identities().operator().token()).as("kept across instances").isEqualTo(operator);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets").resolve("ingest-operator.password"))))
                .isEqualTo("rw-------");
    }

    @Test
    void shouldRevokeByNameAndNeverTheOperators() {
        IngestIdentities identities = identities();
        identities.operator();
        identities.create("edge", TokenEntry.UNBOUND);

        assertThat(identities.revoke("edge")).isTrue();
        assertThat(identities.revoke("edge")).isFalse();
        assertThat(identities.tokens()).extracting(TokenEntry::name).containsExactly("operator");
        assertThatThrownBy(() -> identities.revoke("operator")).hasMessageContaining("cannot be revoked");
        assertThatThrownBy(() -> identities.create("operator", TokenEntry.UNBOUND)).hasMessageContaining("choose another name");
        assertThatThrownBy(() -> identities.create("bad name", TokenEntry.UNBOUND)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldIssueTheIngestCertificateForTheListenAddressToo() throws Exception {
        IngestIdentities identities = identities().listeningOn("10.1.2.3");

        Path chain = Path.of(identities.serviceEnvironment().get("SLUICE_INGEST_TLS_CERTIFICATE"));

        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificates(
                Files.newInputStream(chain)).iterator().next();
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> name.get(1).toString())
                .contains("localhost", "127.0.0.1", "10.1.2.3");
        assertThat(identities.serviceEnvironment()).containsKeys("SLUICE_INGEST_TLS_KEY", "SLUICE_INGEST_TLS_CLIENT_CA",
                "SLUICE_INGEST_AUTH_TOKEN_FILE").doesNotContainValue(identities.operator().token());
    }

    @Test
    void shouldIssueASyslogClientCertificateWithAKeyGnuTlsReads() throws Exception {
        ServerCertificates.Issued client = identities().syslogClient("edge-1");

        String key = Files.readString(client.key());
        assertThat(key).startsWith("-----BEGIN EC PRIVATE KEY-----");
        // SEC 1 in full: the curve and the public key are in it (GnuTLS refuses the bare form)
        byte[] der = java.util.Base64.getMimeDecoder().decode(key.replaceAll("-----[A-Z ]+-----", ""));
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(der);
        assertThat(sec1.getParametersObject()).isNotNull();
        assertThat(sec1.getPublicKey()).isNotNull();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(client.key()))).isEqualTo("rw-------");
        assertThatThrownBy(() -> identities().syslogClient("../etc")).isInstanceOf(IllegalArgumentException.class);
    }
}
