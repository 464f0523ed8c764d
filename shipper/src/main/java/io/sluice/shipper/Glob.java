package io.sluice.shipper;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The regular files a glob such as {@code /var/log/app/*.log*} matches now, compressed rotations left out. */
final class Glob {

    private static final List<String> COMPRESSED = List.of(".gz", ".zip", ".bz2", ".xz", ".zst");

    private Glob() {
    }

    static List<Path> files(String glob) throws IOException {
        Path pattern = Path.of(glob).toAbsolutePath();
        Path base = pattern.getRoot();
        int fixed = 0;
        for (Path part : pattern) {
            if (part.toString().matches(".*[*?\\[{].*")) {
                break;
            }
            base = base.resolve(part);
            fixed++;
        }
        if (!Files.isDirectory(base)) {
            return Files.isRegularFile(base) ? List.of(base) : List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        int depth = pattern.getNameCount() - fixed;
        try (Stream<Path> found = Files.walk(base, Math.max(depth, 1))) {
            return found.filter(Files::isRegularFile)
                    .filter(matcher::matches)
                    .filter(path -> COMPRESSED.stream().noneMatch(path.toString().toLowerCase(Locale.ROOT)::endsWith))
                    .sorted()
                    .toList();
        }
    }
}
