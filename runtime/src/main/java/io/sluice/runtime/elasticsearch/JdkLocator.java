package io.sluice.runtime.elasticsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK that Elasticsearch 9 runs on (21 or newer): {@code ES_JAVA_HOME}, then
 * {@code JAVA_HOME}, then the running JVM, then the newest under {@code /usr/lib/jvm}.
 */
public final class JdkLocator {

    public static final int MINIMUM = 21;
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private JdkLocator() {
    }

    public static Path locate(Map<String, String> env) {
        return find(env, Path.of("/usr/lib/jvm")).orElseThrow(() -> new IllegalStateException(
                "Elasticsearch needs a JDK " + MINIMUM + " or newer and none was found (looked at ES_JAVA_HOME,"
                        + " JAVA_HOME, this JVM and /usr/lib/jvm). Install one, e.g. 'apt-get install"
                        + " openjdk-21-jdk-headless', or point ES_JAVA_HOME at it."));
    }

    static Optional<Path> find(Map<String, String> env, Path jvmFolder) {
        List<Path> candidates = new java.util.ArrayList<>();
        Stream.of(env.get("ES_JAVA_HOME"), env.get("JAVA_HOME"), System.getProperty("java.home"))
                .filter(value -> value != null && !value.isBlank())
                .map(Path::of)
                .forEach(candidates::add);
        if (Files.isDirectory(jvmFolder)) {
            try (Stream<Path> installed = Files.list(jvmFolder)) {
                installed.filter(dir -> !Files.isSymbolicLink(dir))
                        .sorted(Comparator.comparingInt(JdkLocator::featureVersion).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                // an unreadable folder just offers no candidates
            }
        }
        return candidates.stream().filter(jdk -> featureVersion(jdk) >= MINIMUM).findFirst();
    }

    static int featureVersion(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(jdk.resolve("bin").resolve("java"))) {
            return -1;
        }
        try {
            Matcher matcher = VERSION.matcher(Files.readString(release));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
