package io.sluice.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root, where the {@code sluice} script, the build and {@code .sluice/} data live. */
public final class SluiceHome {

    private SluiceHome() {
    }

    public static Path locate() {
        String configured = System.getProperty("sluice.home", System.getenv("SLUICE_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("sluice")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Sluice checkout above " + Path.of("").toAbsolutePath()
                + "; set SLUICE_HOME");
    }
}
