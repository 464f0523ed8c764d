package io.sluice.runtime.elasticsearch;

import io.sluice.runtime.RuntimeSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Elasticsearch's files live: the unpacked distribution (shared, read-only) and one instance
 * folder per data folder (config, data, logs), owned by the user Elasticsearch runs as.
 *
 * <p>Both live under the checkout's {@code .sluice/}, unless we are root and that folder is not
 * reachable by an unprivileged user (a checkout under {@code /root}, say): then they live under
 * {@code /var/lib/sluice/<checkout hash>/} and {@code .sluice/<profile>/elasticsearch} links there.
 */
record ElasticsearchLayout(Path zip, Path distribution, Path instance, Path link) {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchLayout.class);
    private static final String ZIP_ROOT_PREFIX = "elasticsearch-";

    static ElasticsearchLayout of(RuntimeSettings settings, Path zip) {
        return of(settings, zip, "elasticsearch");
    }

    /** @param nodeName the node's folder: {@code elasticsearch} for node 1, {@code elasticsearch-<n>} for the others of a cluster */
    static ElasticsearchLayout of(RuntimeSettings settings, Path zip, String nodeName) {
        Path localRoot = settings.home().resolve(".sluice");
        Path root = localRoot;
        if (UnprivilegedUser.weAreRoot() && !UnprivilegedUser.canReach(settings.home())) {
            String hash = HexFormat.of().toHexDigits(settings.home().toString().hashCode());
            root = Path.of("/var/lib/sluice", hash);
        }
        String version = zip.getFileName().toString().replace(".zip", "");
        // one instance per data folder: a benchmark's node never shares indices with the tests' node
        Path instance = root.resolve(settings.dataDir().getFileName().toString()).resolve(nodeName);
        Path link = settings.dataDir().resolve(nodeName);
        return new ElasticsearchLayout(zip, root.resolve("dist").resolve(version), instance, link);
    }

    Path config() {
        return instance.resolve("config");
    }

    Path pidFile() {
        return instance.resolve("elasticsearch.pid");
    }

    /** @param secretFiles files for the config folder (relative path to content), written owner-only: keys, users */
    void prepare(String elasticsearchYaml, String heap, java.util.Map<String, String> secretFiles) throws IOException {
        unpackDistribution();
        // a link left by an older layout (every data folder once shared its profile's node) must not lead elsewhere
        if (Files.isSymbolicLink(link) && !Files.readSymbolicLink(link).equals(instance)) {
            Files.delete(link);
        }
        Files.createDirectories(config().resolve("jvm.options.d"));
        Files.createDirectories(instance.resolve("data"));
        Files.createDirectories(instance.resolve("logs"));
        for (String file : new String[] {"jvm.options", "log4j2.properties"}) {
            Files.copy(distribution.resolve("config").resolve(file), config().resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(config().resolve("elasticsearch.yml"), elasticsearchYaml);
        writeSecretFilesUnowned(secretFiles);
        Files.writeString(config().resolve("jvm.options.d").resolve("sluice.options"),
                "-Xms" + heap + "\n-Xmx" + heap + "\n");
        if (!instance.startsWith(link.getParent()) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, instance);
        }
        UnprivilegedUser.ensureExists();
        UnprivilegedUser.giveOwnership(instance);
    }

    /** Writes files into the config folder owner-only and gives them to the user the node runs as (a running node reloads its realm files). */
    void writeSecretFiles(java.util.Map<String, String> secretFiles) {
        try {
            writeSecretFilesUnowned(secretFiles);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the node's security files in " + config(), e);
        }
        UnprivilegedUser.giveOwnership(config());
    }

    private void writeSecretFilesUnowned(java.util.Map<String, String> secretFiles) throws IOException {
        for (java.util.Map.Entry<String, String> file : secretFiles.entrySet()) {
            Path target = config().resolve(file.getKey());
            Files.createDirectories(target.getParent());
            io.sluice.runtime.secrets.SecretStore.writeOwnerOnly(target, file.getValue());
        }
    }

    private void unpackDistribution() throws IOException {
        if (Files.isRegularFile(distribution.resolve("bin").resolve("elasticsearch"))) {
            return;
        }
        log.info("unpacking {} into {}", zip.getFileName(), distribution);
        Path staging = Files.createDirectories(distribution.getParent()).resolve(distribution.getFileName() + ".partial");
        deleteTree(staging);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                String relative = name.startsWith(ZIP_ROOT_PREFIX) ? name.substring(name.indexOf('/') + 1) : name;
                Path target = staging.resolve(relative).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("zip entry escapes the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(in, target);
                }
            }
        }
        try (var scripts = Files.list(staging.resolve("bin"))) {
            scripts.forEach(script -> script.toFile().setExecutable(true, false));
        }
        Files.move(staging, distribution, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
