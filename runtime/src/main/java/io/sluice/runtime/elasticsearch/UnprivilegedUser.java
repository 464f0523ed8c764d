package io.sluice.runtime.elasticsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Elasticsearch refuses to run as root. When we are root, it runs as the system user
 * {@code sluice} (created on first use), which must own its data and be able to reach its files.
 */
public final class UnprivilegedUser {

    public static final String NAME = "sluice";

    private UnprivilegedUser() {
    }

    public static boolean weAreRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command prefix that drops to the unprivileged user; empty when we are not root. */
    public static List<String> prefix() {
        if (!weAreRoot()) {
            return List.of();
        }
        return List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME, "--init-groups", "--");
    }

    public static void ensureExists() {
        if (!weAreRoot() || run(List.of("id", "-u", NAME)) == 0) {
            return;
        }
        int status = run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", NAME));
        if (status != 0 && run(List.of("id", "-u", NAME)) != 0) {
            throw new IllegalStateException("cannot create the user '" + NAME + "' that Elasticsearch runs as"
                    + " (useradd exited " + status + ")");
        }
    }

    public static void giveOwnership(Path dir) {
        if (weAreRoot() && run(List.of("chown", "-R", NAME + ":" + NAME, dir.toString())) != 0) {
            throw new IllegalStateException("cannot give " + dir + " to the user '" + NAME + "'");
        }
    }

    /** True when every folder from / down to {@code dir} lets others through (mode o+x). */
    public static boolean canReach(Path dir) {
        for (Path current = dir.toAbsolutePath(); current != null; current = current.getParent()) {
            try {
                if (Files.exists(current)
                        && !Files.getPosixFilePermissions(current).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    public static Set<PosixFilePermission> readableByAll() {
        return Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OTHERS_EXECUTE);
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
