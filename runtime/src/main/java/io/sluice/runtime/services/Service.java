package io.sluice.runtime.services;

import io.sluice.runtime.Profile;
import java.util.List;

/** The four deployables, with the module that builds each and the port its HTTP server listens on. */
public enum Service {
    INGEST("ingest", 8080),
    STREAM_PROCESSOR("stream-processor", 8081),
    INDEXER("indexer", 8082),
    ALERTING("alerting", 8083);

    public static final List<Service> ALL = List.of(values());

    private final String module;
    private final int basePort;

    Service(String module, int basePort) {
        this.module = module;
        this.basePort = basePort;
    }

    public String module() {
        return module;
    }

    public int port(Profile profile) {
        return profile.port(basePort);
    }

    public String url(Profile profile) {
        return "http://localhost:" + port(profile);
    }

    public String healthUrl(Profile profile) {
        return url(profile) + "/actuator/health";
    }

    /** The syslog port (TCP and UDP) the ingest service listens on. */
    public static int syslogPort(Profile profile) {
        return profile.port(5514);
    }

    /**
     * Properties that differ per service and profile, beyond the connections every service gets. The
     * test profile notices a killed consumer after 10 s instead of Kafka's 45 s: the fault tests kill
     * services and would otherwise wait out the dead member's session on every restart.
     */
    List<String> arguments(Profile profile) {
        List<String> arguments = new java.util.ArrayList<>();
        if (this == INGEST) {
            arguments.add("--sluice.ingest.syslog.port=" + syslogPort(profile));
        }
        if (profile == Profile.TEST) {
            arguments.add("--spring.kafka.consumer.properties.session.timeout.ms=" + TEST_SESSION_TIMEOUT_MS);
            arguments.add("--spring.kafka.streams.properties.session.timeout.ms=" + TEST_SESSION_TIMEOUT_MS);
        }
        return List.copyOf(arguments);
    }

    private static final int TEST_SESSION_TIMEOUT_MS = 10_000;
}
