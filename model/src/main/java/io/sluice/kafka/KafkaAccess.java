package io.sluice.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * How one principal reaches Kafka: where, over what, as whom. Sluice's brokers take clients over
 * {@code SASL_SSL} only — SCRAM-SHA-512 on the client listener, PLAIN for the administrator on the broker
 * listener — and trust the local certificate authority's certificate. {@link #plaintext} is for brokers
 * Sluice does not run (a test container).
 *
 * <p>The password never appears in {@link #toString()}; hand it to a child process through
 * {@link #environment()}, never on its command line.
 */
public record KafkaAccess(String bootstrapServers, Mechanism mechanism, String username, String password,
        Path trustedCertificates) {

    /** The SASL mechanism, or none for a plaintext broker. */
    public enum Mechanism {
        NONE(null, null),
        SCRAM_SHA_512("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule"),
        PLAIN("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule");

        private final String kafkaName;
        private final String loginModule;

        Mechanism(String kafkaName, String loginModule) {
            this.kafkaName = kafkaName;
            this.loginModule = loginModule;
        }

        public String kafkaName() {
            return kafkaName;
        }
    }

    public KafkaAccess {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(mechanism, "mechanism");
        if (mechanism != Mechanism.NONE) {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(trustedCertificates, "trustedCertificates");
            if (!username.matches("[A-Za-z0-9._-]+") || password.contains("\"") || password.contains("\\")) {
                throw new IllegalArgumentException("a Kafka user name is letters, digits, '.', '_' and '-', and a password"
                        + " holds no quote or backslash (both go into a JAAS line)");
            }
        }
    }

    public static KafkaAccess plaintext(String bootstrapServers) {
        return new KafkaAccess(bootstrapServers, Mechanism.NONE, null, null, null);
    }

    public static KafkaAccess scram(String bootstrapServers, String username, String password, Path trustedCertificates) {
        return new KafkaAccess(bootstrapServers, Mechanism.SCRAM_SHA_512, username, password, trustedCertificates);
    }

    public static KafkaAccess plain(String bootstrapServers, String username, String password, Path trustedCertificates) {
        return new KafkaAccess(bootstrapServers, Mechanism.PLAIN, username, password, trustedCertificates);
    }

    public boolean secured() {
        return mechanism != Mechanism.NONE;
    }

    public String securityProtocol() {
        return secured() ? "SASL_SSL" : "PLAINTEXT";
    }

    /** The same principal through other bootstrap servers. */
    public KafkaAccess withBootstrapServers(String servers) {
        return new KafkaAccess(servers, mechanism, username, password, trustedCertificates);
    }

    /** The client properties that connect (bootstrap servers and security) — any producer, consumer, admin or Streams app. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol());
        if (secured()) {
            properties.put(SaslConfigs.SASL_MECHANISM, mechanism.kafkaName());
            properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig());
            properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
            properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, trustedCertificates.toString());
        }
        return properties;
    }

    /** {@link #properties()} with a client's own settings added (theirs win on a clash, except the security ones). */
    public Map<String, Object> with(Map<String, ?> clientSettings) {
        Map<String, Object> properties = new HashMap<>(clientSettings);
        properties.putAll(properties());
        return properties;
    }

    /** The JAAS line a client logs in with; it holds the password. */
    public String jaasConfig() {
        return mechanism.loginModule + " required username=\"" + username + "\" password=\"" + password + "\";";
    }

    /**
     * What a Sluice service reads to reach Kafka as this principal (its application.yml maps them to Kafka's
     * client properties): the way to hand a secret to a child process without putting it on a command line.
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("SLUICE_KAFKA_SECURITY_PROTOCOL", securityProtocol());
        environment.put("SLUICE_KAFKA_PASSWORD", ""); // a plaintext broker ignores it
        if (secured()) {
            environment.put("SLUICE_KAFKA_SASL_MECHANISM", mechanism.kafkaName());
            environment.put("SLUICE_KAFKA_USERNAME", username);
            environment.put("SLUICE_KAFKA_PASSWORD", password);
            environment.put("SLUICE_KAFKA_CA_FILE", trustedCertificates.toString());
        }
        return environment;
    }

    /** What {@link #environment()} handed a child process, read back there; plaintext when it holds no user. */
    public static KafkaAccess fromEnvironment(String bootstrapServers, Map<String, String> environment) {
        String username = environment.get("SLUICE_KAFKA_USERNAME");
        if (username == null || !"SASL_SSL".equals(environment.get("SLUICE_KAFKA_SECURITY_PROTOCOL"))) {
            return plaintext(bootstrapServers);
        }
        Mechanism mechanism = "PLAIN".equals(environment.get("SLUICE_KAFKA_SASL_MECHANISM")) ? Mechanism.PLAIN : Mechanism.SCRAM_SHA_512;
        return new KafkaAccess(bootstrapServers, mechanism, username, environment.get("SLUICE_KAFKA_PASSWORD"),
                Path.of(environment.get("SLUICE_KAFKA_CA_FILE")));
    }

    /** {@link #properties()} as the text of a client properties file (Kafka's {@code --command-config}); it holds the password. */
    public String propertiesFileText() {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(properties()).forEach((key, value) -> text.append(key).append('=')
                .append(value.toString().replace("\\", "\\\\")).append('\n'));
        return text.toString();
    }

    @Override
    public String toString() {
        return secured()
                ? username + "@" + bootstrapServers + " (" + securityProtocol() + ", " + mechanism.kafkaName() + ")"
                : bootstrapServers + " (PLAINTEXT)";
    }
}
