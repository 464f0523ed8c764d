package io.sluice.runtime.services;

import io.sluice.runtime.ClusterShape;
import io.sluice.runtime.Profile;
import io.sluice.runtime.kafka.KafkaPrincipal;
import java.util.List;

/** The four deployables, with the module that builds each and the port its HTTP server listens on. */
public enum Service {
    INGEST("ingest", 8080, KafkaPrincipal.INGEST),
    STREAM_PROCESSOR("stream-processor", 8081, KafkaPrincipal.PROCESSOR),
    INDEXER("indexer", 8082, KafkaPrincipal.INDEXER),
    ALERTING("alerting", 8083, KafkaPrincipal.ALERTING);

    public static final List<Service> ALL = List.of(values());

    private final String module;
    private final int basePort;
    private final KafkaPrincipal kafkaPrincipal;

    Service(String module, int basePort, KafkaPrincipal kafkaPrincipal) {
        this.module = module;
        this.basePort = basePort;
        this.kafkaPrincipal = kafkaPrincipal;
    }

    /** Who the service is to Kafka: its own user, with only the ACLs its work needs. */
    public KafkaPrincipal kafkaPrincipal() {
        return kafkaPrincipal;
    }

    public String module() {
        return module;
    }

    public int port(Profile profile) {
        return profile.port(basePort);
    }

    /** Instance {@code n} (1-based) of a service run several times: each port of the first, {@link ClusterShape#INSTANCE_PORT_STEP} up per instance. */
    public int port(Profile profile, int instance) {
        return ClusterShape.instancePort(port(profile), instance);
    }

    /**
     * What every Kafka client of instance {@code n} is named after ({@code indexer.2}): Spring numbers a service's own
     * clients {@code -1}, {@code -2}…, so an instance's mark must not look like one of those.
     */
    public String kafkaClientId(int instance) {
        return module + "." + instance;
    }

    /** Its name as a process: the module, with {@code -<n>} for instances after the first. */
    public String instanceName(int instance) {
        return instance == 1 ? module : module + "-" + instance;
    }

    /** The data port's URL: HTTPS for ingest, which senders reach; plain HTTP on loopback for the others' APIs. */
    public String url(Profile profile) {
        return (this == INGEST ? "https" : "http") + "://localhost:" + port(profile);
    }

    /**
     * The management port (actuator: health, metrics, Prometheus), apart from the port that serves data and
     * bound to loopback only: what an operator or a probe on the machine reads, never the network.
     */
    public int managementPort(Profile profile) {
        // the test platform's stay below Linux's ephemeral port range (32768-60999): at 38080 a client socket
        // of any process (a Kafka connection, say) could hold the port just as a test starts the service
        return profile.forTests() ? port(profile) + TEST_MANAGEMENT_OFFSET : profile.port(basePort + MANAGEMENT_OFFSET);
    }

    public String managementUrl(Profile profile) {
        return "http://127.0.0.1:" + managementPort(profile);
    }

    public String healthUrl(Profile profile) {
        return managementUrl(profile) + "/actuator/health";
    }

    public int managementPort(Profile profile, int instance) {
        return ClusterShape.instancePort(managementPort(profile), instance);
    }

    public String healthUrl(Profile profile, int instance) {
        return "http://127.0.0.1:" + managementPort(profile, instance) + "/actuator/health";
    }

    /** The syslog port (TCP and UDP) the ingest service listens on. */
    public static int syslogPort(Profile profile) {
        return profile.port(5514);
    }

    /** The syslog-over-TLS port (RFC 5425's 6514, moved like the others). */
    public static int syslogTlsPort(Profile profile) {
        return profile.port(6514);
    }

    /**
     * Properties that differ per service and profile, beyond the connections every service gets. The
     * test profile notices a killed consumer after 10 s instead of Kafka's 45 s: the fault tests kill
     * services and would otherwise wait out the dead member's session on every restart.
     */
    List<String> arguments(Profile profile) {
        return arguments(profile, 1);
    }

    /** As {@link #arguments(Profile)}, for instance {@code n}: its own ports. */
    List<String> arguments(Profile profile, int instance) {
        List<String> arguments = new java.util.ArrayList<>();
        // on this machine every port is the machine's own: data and syslog on loopback, as Kafka and Elasticsearch
        arguments.add("--server.address=127.0.0.1");
        if (this == INGEST) {
            arguments.add("--sluice.ingest.syslog.port=" + ClusterShape.instancePort(syslogPort(profile), instance));
            arguments.add("--sluice.ingest.syslog.bind-address=127.0.0.1");
            arguments.add("--sluice.ingest.syslog.tls-port=" + ClusterShape.instancePort(syslogTlsPort(profile), instance));
            arguments.add("--sluice.ingest.syslog.tls-bind-address=127.0.0.1");
        }
        if (this == INDEXER && instance > 1) {
            // the reconciliation reads whole topics whatever partitions an instance holds: one instance runs it
            arguments.add("--sluice.indexer.verify.interval=0s");
        }
        arguments.add("--management.server.port=" + managementPort(profile, instance));
        arguments.add("--management.server.address=127.0.0.1");
        if (profile.forTests()) {
            arguments.add("--spring.kafka.consumer.properties.session.timeout.ms=" + TEST_SESSION_TIMEOUT_MS);
            arguments.add("--spring.kafka.streams.properties.session.timeout.ms=" + TEST_SESSION_TIMEOUT_MS);
        }
        return List.copyOf(arguments);
    }

    private static final int TEST_SESSION_TIMEOUT_MS = 10_000;
    /** 8080 serves data, 18080 its actuator (the same in docker-compose.yml and each application.yml). */
    private static final int MANAGEMENT_OFFSET = 10_000;
    /** The test platforms' management ports: 29080-29083 (test), 31080-31083 (chaos). */
    private static final int TEST_MANAGEMENT_OFFSET = 1_000;
}
