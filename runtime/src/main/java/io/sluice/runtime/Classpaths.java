package io.sluice.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads what a module's build recorded about its artifacts: a classpath to launch a child JVM with
 * (the Kafka broker's here; the CLI's and the benchmark baselines' in their modules) and where Maven
 * put the Elasticsearch distribution.
 */
public final class Classpaths {

    private Classpaths() {
    }

    /** What the Kafka broker runs on: this module (its logging configuration) and the broker module's jars. */
    public static String brokerClasspath() {
        return recorded(Classpaths.class, "/io/sluice/broker/broker.classpath");
    }

    /**
     * The classpath of the module that holds {@code anchor}: the module itself, then the classpath its
     * build recorded in the resource {@code name} next to {@code anchor}.
     */
    public static String recorded(Class<?> anchor, String name) {
        return Path.of(codeSource(anchor)) + java.io.File.pathSeparator + resource(anchor, name);
    }

    public static Path elasticsearchZip() {
        return Path.of(resource(Classpaths.class, "elasticsearch.zip.path"));
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static java.net.URI codeSource(Class<?> anchor) {
        try {
            return anchor.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing build resource " + name + ": run ./sluice build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
