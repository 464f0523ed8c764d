package io.sluice.alerting.rules;

import io.sluice.alerting.evaluate.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the rules file when it changes: a valid file replaces the rules in force at once (no
 * restart); an invalid one is reported — every problem, in the log and as a counter — and the rules in
 * force stay. Called periodically; cheap when nothing changed (one file-time read).
 */
public final class RulesFileWatcher {

    private static final Logger log = LoggerFactory.getLogger(RulesFileWatcher.class);

    private final Path file;
    private final RuleSet rules;
    private final AtomicLong refused = new AtomicLong();
    private FileTime loaded;

    public RulesFileWatcher(Path file, RuleSet rules) {
        this.file = file;
        this.rules = rules;
    }

    /** Reads and validates the file; the start of the service fails with its problems. */
    public static List<Rule> load(Path file) {
        try {
            return RuleFile.parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new RuleFileException(file.toString(), List.of("cannot be read: " + e.getMessage()));
        }
    }

    public synchronized void markLoaded() throws IOException {
        loaded = Files.getLastModifiedTime(file);
    }

    /** @return true when the rules were replaced */
    public synchronized boolean reloadIfChanged() {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            log.warn("rules file {} cannot be read, keeping {} rules: {}", file, rules.all().size(), e.getMessage());
            return false;
        }
        if (modified.equals(loaded)) {
            return false;
        }
        loaded = modified;
        try {
            List<Rule> next = load(file);
            rules.replace(next);
            log.info("rules reloaded from {}: {}", file, next.stream().map(Rule::id).toList());
            return true;
        } catch (RuleFileException e) {
            refused.incrementAndGet();
            log.error("rules file changed but is not valid; the {} rules in force stay. {}", rules.all().size(), e.getMessage());
            return false;
        }
    }

    /** Changed files that were not valid, since start. */
    public long refusedReloads() {
        return refused.get();
    }
}
