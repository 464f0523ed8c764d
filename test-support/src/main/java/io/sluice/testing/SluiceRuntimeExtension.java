package io.sluice.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives integration tests one real platform per test JVM: Testcontainers where a Docker engine is
 * available, otherwise the local runtime's processes (reusing a running test runtime). Same tests,
 * two backends. {@code SLUICE_TEST_BACKEND=local|containers} forces one.
 *
 * <p>Tests take a {@link TestPlatform} parameter; Spring tests call {@link #platform()} from a
 * {@code @DynamicPropertySource}.
 */
public final class SluiceRuntimeExtension implements BeforeAllCallback, ParameterResolver {

    private static final Logger log = LoggerFactory.getLogger(SluiceRuntimeExtension.class);
    private static TestPlatform shared;

    public static synchronized TestPlatform platform() {
        if (shared == null) {
            shared = startPlatform();
            TestPlatform started = shared;
            if (keepsRuntime()) {
                log.info("the test runtime stays up for the next module of this build ({}=keep); ./sluice test stops it",
                        KEEP_VARIABLE);
            } else {
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "sluice-test-platform-stop"));
            }
        }
        return shared;
    }

    /**
     * {@code ./sluice test} sets this: the broker and node one module's tests started are left running when its test
     * JVM ends, so the next module reuses them instead of starting its own, and the script stops them at the end.
     */
    static final String KEEP_VARIABLE = "SLUICE_TEST_RUNTIME";

    private static boolean keepsRuntime() {
        return "keep".equals(System.getenv(KEEP_VARIABLE));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        platform();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return platform();
    }

    private static TestPlatform startPlatform() {
        String backend = System.getenv().getOrDefault("SLUICE_TEST_BACKEND", "auto").toLowerCase(Locale.ROOT);
        boolean containers = switch (backend) {
            case "containers" -> true;
            case "local" -> false;
            default -> mayHaveDocker() && ContainerPlatform.dockerAvailable();
        };
        log.info("integration tests run on {}", containers ? "Testcontainers" : "the local runtime's processes");
        return containers ? new ContainerPlatform() : new LocalProcessPlatform();
    }

    /** A cheap look first: asking Testcontainers where no engine exists costs seconds and log noise. */
    private static boolean mayHaveDocker() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    }
}
