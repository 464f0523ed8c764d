package io.sluice.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads what the build recorded about this module's artifacts: the runtime classpath (also the
 * Kafka broker's) and where Maven put the Elasticsearch distribution.
 */
public final class Classpaths {

    private Classpaths() {
    }

    public static String runtimeClasspath() {
        String self = Path.of(codeSource()).toString();
        return self + java.io.File.pathSeparator + resource("runtime.classpath");
    }

    public static Path elasticsearchZip() {
        return Path.of(resource("elasticsearch.zip.path"));
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static java.net.URI codeSource() {
        try {
            return Classpaths.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Classpaths.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing build resource " + name + ": run ./sluice build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
