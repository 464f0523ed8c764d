package io.sluice.runtime.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * The server certificates a {@link LocalCertificateAuthority} issues: for each server (kafka,
 * elasticsearch, ingest) a PEM key ({@code <name>.key}, owner-only) and its certificate chain
 * ({@code <name>.crt}: the server's, then the CA's), valid for the host names and addresses it is reached
 * by. Kept across restarts; issued again when missing, within 30 days of expiry, no longer signed by
 * this CA, or when the names it must answer to changed.
 */
public final class ServerCertificates {

    private static final Duration VALIDITY = Duration.ofDays(397);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final LocalCertificateAuthority authority;

    public ServerCertificates(LocalCertificateAuthority authority) {
        this.authority = authority;
    }

    /** A server's key and certificate files, issued now if they are not usable as they are. */
    public record Issued(Path certificateChain, Path key, boolean renewed) {
    }

    /**
     * @param names DNS names and IP addresses (both kinds go in as subject alternative names; a client
     *              checks the one it dialled)
     */
    public Issued forServer(String server, Set<String> names) {
        Path chainFile = authority.dir().resolve(server + ".crt");
        Path keyFile = authority.dir().resolve(server + ".key");
        try {
            if (usable(chainFile, keyFile, names)) {
                return new Issued(chainFile, keyFile, false);
            }
            KeyPair pair = LocalCertificateAuthority.newKeyPair();
            Instant now = authority.clock().instant();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(authority.subject(),
                    LocalCertificateAuthority.serial(), Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)),
                    new X500Name("CN=" + server + ",O=Sluice"), pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(authority.certificate()));
            X509Certificate certificate = LocalCertificateAuthority.toCertificate(builder.build(authority.signer()));
            LocalCertificateAuthority.writeSecret(keyFile, LocalCertificateAuthority.Pem.of(pair.getPrivate()));
            LocalCertificateAuthority.writePublic(chainFile, LocalCertificateAuthority.Pem.of(certificate)
                    + LocalCertificateAuthority.Pem.of(authority.certificate()));
            return new Issued(chainFile, keyFile, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot issue the certificate of " + server + " in " + authority.dir(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue the certificate of " + server, e);
        }
    }

    /**
     * The same key in its algorithm's traditional PEM form ({@code EC PRIVATE KEY}), next to the PKCS#8 one, owner-only: what
     * GnuTLS-based clients (rsyslog's gtls driver) read, where Kafka's and Java's PEM stores take PKCS#8.
     */
    public static Issued withTraditionalKey(Issued issued) {
        Path traditional = issued.key().resolveSibling(issued.key().getFileName().toString().replace(".key", ".traditional.key"));
        try {
            if (issued.renewed() || !Files.isRegularFile(traditional)) {
                // SEC 1 in full, curve and public key included (GnuTLS refuses the bare form): the public half from the certificate
                java.security.interfaces.ECPrivateKey key = (java.security.interfaces.ECPrivateKey)
                        LocalCertificateAuthority.Pem.privateKey(Files.readString(issued.key()));
                X509Certificate certificate = LocalCertificateAuthority.Pem.certificates(Files.readString(issued.certificateChain())).get(0);
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo publicKey = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                        certificate.getPublicKey().getEncoded());
                org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(key.getParams().getOrder().bitLength(),
                        key.getS(), publicKey.getPublicKeyData(), publicKey.getAlgorithm().getParameters());
                java.io.StringWriter text = new java.io.StringWriter();
                try (org.bouncycastle.util.io.pem.PemWriter writer = new org.bouncycastle.util.io.pem.PemWriter(text)) {
                    writer.writeObject(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1.getEncoded()));
                }
                LocalCertificateAuthority.writeSecret(traditional, text.toString());
            }
            return new Issued(issued.certificateChain(), traditional, issued.renewed());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + traditional, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the certificate " + issued.certificateChain(), e);
        }
    }

    private boolean usable(Path chainFile, Path keyFile, Set<String> names) throws IOException {
        if (!Files.isRegularFile(chainFile) || !Files.isRegularFile(keyFile)) {
            return false;
        }
        try {
            X509Certificate certificate = LocalCertificateAuthority.Pem.certificates(Files.readString(chainFile)).get(0);
            certificate.verify(authority.certificate().getPublicKey());
            LocalCertificateAuthority.Pem.privateKey(Files.readString(keyFile));
            Instant renewAt = certificate.getNotAfter().toInstant().minus(RENEW_BEFORE);
            return authority.clock().instant().isBefore(renewAt) && names(certificate).equals(normalized(names));
        } catch (GeneralSecurityException | IOException | RuntimeException unusable) {
            return false;
        }
    }

    private static GeneralNames alternativeNames(Set<String> names) {
        List<GeneralName> general = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            general.add(new GeneralName(isAddress(name) ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        return new GeneralNames(general.toArray(GeneralName[]::new));
    }

    private static Set<String> names(X509Certificate certificate) throws GeneralSecurityException {
        Set<String> names = new TreeSet<>();
        Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
        if (alternatives != null) {
            alternatives.forEach(entry -> names.add(entry.get(1).toString()));
        }
        return names;
    }

    /** Addresses as the certificate reports them ("::1" reads back as "0:0:0:0:0:0:0:1"). */
    private static Set<String> normalized(Set<String> names) throws java.net.UnknownHostException {
        Set<String> normalized = new TreeSet<>();
        for (String name : names) {
            normalized.add(isAddress(name) ? java.net.InetAddress.getByName(name).getHostAddress() : name);
        }
        return normalized;
    }

    private static boolean isAddress(String name) {
        return name.matches("\\d{1,3}(\\.\\d{1,3}){3}") || name.contains(":");
    }
}
