package io.sluice.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.alerting.evaluate.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileWatcherTest {

    @TempDir
    Path dir;

    private Path write(String yaml, int secondsLater) throws Exception {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, yaml);
        // file times can be coarse: make each version visibly newer
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-22T10:00:00Z").plusSeconds(secondsLater)));
        return file;
    }

    @Test
    void shouldApplyAValidChangeAndKeepTheRulesInForceOnAnInvalidOne() throws Exception {
        Path file = write("rules:\n  - { id: a, type: pattern, match: { contains: x } }\n", 0);
        RuleSet rules = new RuleSet(RulesFileWatcher.load(file));
        RulesFileWatcher watcher = new RulesFileWatcher(file, rules);
        watcher.markLoaded();

        assertThat(watcher.reloadIfChanged()).as("unchanged").isFalse();

        write("rules:\n  - { id: a, type: pattern, match: { contains: x } }\n  - { id: b, type: absence, for: 5m }\n", 1);
        assertThat(watcher.reloadIfChanged()).isTrue();
        assertThat(rules.all()).extracting(Rule::id).containsExactly("a", "b");

        write("rules:\n  - { id: c, type: threshold }\n", 2); // threshold missing
        assertThat(watcher.reloadIfChanged()).isFalse();
        assertThat(rules.all()).extracting(Rule::id).containsExactly("a", "b");
        assertThat(watcher.refusedReloads()).isEqualTo(1);
    }
}
