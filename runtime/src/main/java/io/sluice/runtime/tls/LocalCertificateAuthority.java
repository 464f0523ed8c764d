package io.sluice.runtime.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate authority of one local platform: created on first start in its folder ({@code ca.crt},
 * and {@code ca.key} readable only by its owner), kept across restarts, and issuing the server
 * certificates of Kafka, Elasticsearch and ingest ({@link ServerCertificates}). In-process with
 * BouncyCastle rather than Elasticsearch's {@code elasticsearch-certutil}: no second JDK or tool to run,
 * PEM files every party reads as they are (Kafka's {@code PEM} key stores, Elasticsearch's
 * {@code ssl.certificate}/{@code ssl.key}, Spring Boot's PEM SSL bundles, {@code curl --cacert}), and
 * a CA a test can create in a temporary folder in milliseconds. Keys are EC P-256.
 */
public final class LocalCertificateAuthority {

    static final String CERTIFICATE = "ca.crt";
    static final String KEY = "ca.key";
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final X509Certificate certificate;
    private final PrivateKey key;
    private final Clock clock;

    private LocalCertificateAuthority(Path dir, X509Certificate certificate, PrivateKey key, Clock clock) {
        this.dir = dir;
        this.certificate = certificate;
        this.key = key;
        this.clock = clock;
    }

    /** The authority kept in {@code dir}, created there first if there is none. */
    public static LocalCertificateAuthority openOrCreate(Path dir, String name, Clock clock) {
        try {
            Files.createDirectories(dir);
            Path certificateFile = dir.resolve(CERTIFICATE);
            Path keyFile = dir.resolve(KEY);
            if (Files.isRegularFile(certificateFile) && Files.isRegularFile(keyFile)) {
                return new LocalCertificateAuthority(dir, Pem.certificates(Files.readString(certificateFile)).get(0),
                        Pem.privateKey(Files.readString(keyFile)), clock);
            }
            KeyPair pair = newKeyPair();
            X500Name subject = new X500Name("CN=" + name + " local CA,O=Sluice");
            Instant now = clock.instant();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = toCertificate(builder.build(signer(pair.getPrivate())));
            writeSecret(keyFile, Pem.of(pair.getPrivate()));
            writePublic(certificateFile, Pem.of(certificate));
            return new LocalCertificateAuthority(dir, certificate, pair.getPrivate(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the certificate authority in " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the certificate authority in " + dir, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Where the CA certificate is: what a client trusts ({@code curl --cacert}, a trust store). */
    public Path certificateFile() {
        return dir.resolve(CERTIFICATE);
    }

    Path dir() {
        return dir;
    }

    Clock clock() {
        return clock;
    }

    static X509Certificate toCertificate(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    ContentSigner signer() {
        try {
            return signer(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    X500Name subject() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    }

    static void writeSecret(Path file, String pem) throws IOException {
        io.sluice.runtime.secrets.SecretStore.writeOwnerOnly(file, pem);
    }

    static void writePublic(Path file, String pem) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** PEM in and out. */
    static final class Pem {

        private Pem() {
        }

        static String of(Object object) throws IOException {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
            }
            return text.toString();
        }

        static java.util.List<X509Certificate> certificates(String pem) throws IOException, GeneralSecurityException {
            java.util.List<X509Certificate> certificates = new java.util.ArrayList<>();
            try (PEMParser parser = new PEMParser(new StringReader(pem))) {
                for (Object object; (object = parser.readObject()) != null; ) {
                    if (object instanceof X509CertificateHolder holder) {
                        certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                    }
                }
            }
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificate in the PEM text");
            }
            return certificates;
        }

        static PrivateKey privateKey(String pem) throws IOException {
            try (PEMParser parser = new PEMParser(new StringReader(pem))) {
                Object object = parser.readObject();
                if (!(object instanceof PrivateKeyInfo info)) {
                    throw new IOException("not an unencrypted PKCS#8 private key");
                }
                return new JcaPEMKeyConverter().getPrivateKey(info);
            }
        }
    }
}
