package io.sluice.ingest.guard;

import io.sluice.tokens.TokenEntry;
import io.sluice.tokens.TokenFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens in force: the fixed pairs of the configuration plus the token file, read again when it changes (checked
 * at most once a second, on the request path: no watcher thread), so a token made or revoked counts within seconds,
 * without a restart. A file that cannot be read or parsed leaves the tokens as they were and is reported: a broken
 * edit never opens the door, nor locks everyone out.
 */
public final class TokenSource {

    private static final Logger log = LoggerFactory.getLogger(TokenSource.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final List<TokenEntry> fixed;
    private final Path file;
    private final Clock clock;
    private volatile SourceTokens current;
    private volatile Instant nextCheck = Instant.MIN;
    private Object seenVersion;

    public TokenSource(List<TokenEntry> fixed, Path file, Clock clock) {
        this.fixed = List.copyOf(fixed);
        this.file = file;
        this.clock = clock;
        this.current = SourceTokens.of(fixed);
        reloadIfChanged();
    }

    /** True when tokens can come from somewhere: the configuration or a file. */
    public boolean configured() {
        return !fixed.isEmpty() || file != null;
    }

    public SourceTokens current() {
        if (file != null && clock.instant().isAfter(nextCheck)) {
            reloadIfChanged();
        }
        return current;
    }

    private synchronized void reloadIfChanged() {
        nextCheck = clock.instant().plus(CHECK_EVERY);
        if (file == null) {
            return;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Object version = List.of(attributes.lastModifiedTime(), attributes.size(), String.valueOf(attributes.fileKey()));
            if (version.equals(seenVersion)) {
                return;
            }
            List<TokenEntry> entries = new ArrayList<>(fixed);
            entries.addAll(TokenFile.parse(Files.readString(file)));
            current = SourceTokens.of(entries);
            seenVersion = version;
            log.info("ingest tokens loaded from {}: {}", file, entries.size());
        } catch (IOException | RuntimeException e) {
            if (!e.toString().equals(String.valueOf(seenVersion))) {
                log.error("cannot read the ingest token file {} ({}); the tokens stay as they were", file, e.getMessage());
                seenVersion = e.toString();
            }
        }
    }
}
