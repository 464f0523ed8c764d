package io.sluice.tokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of an ingest token file: one token per line, {@code <name> <service or *> sha256:<hex>}, blank
 * lines and {@code #} comments ignored. It holds digests only, so it may be read by the ingest service and
 * backed up like any configuration; the tokens themselves are shown once, when made.
 */
public final class TokenFile {

    private TokenFile() {
    }

    public static List<TokenEntry> parse(String text) {
        Map<String, TokenEntry> byName = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalArgumentException("token file line " + (i + 1) + ": expected '<name> <service or *> sha256:<hex>'");
            }
            try {
                TokenEntry entry = new TokenEntry(fields[0], fields[1], fields[2]);
                if (byName.putIfAbsent(entry.name(), entry) != null) {
                    throw new IllegalArgumentException("the name '" + entry.name() + "' is used twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("token file line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(byName.values());
    }

    public static String format(List<TokenEntry> entries) {
        StringBuilder text = new StringBuilder("""
                # Sluice ingest tokens: <name> <service or *> sha256:<digest of the token>. Digests only: a token is shown once,
                # when ./sluice token create makes it. The ingest service reads this file again when it changes.
                """);
        for (TokenEntry entry : entries) {
            text.append(entry.name()).append(' ').append(entry.scope()).append(' ').append(entry.digest()).append('\n');
        }
        return text.toString();
    }

    /** {@code entries} with {@code entry} added, or replacing the one of the same name. */
    public static List<TokenEntry> with(List<TokenEntry> entries, TokenEntry entry) {
        List<TokenEntry> updated = new ArrayList<>(entries.stream().filter(e -> !e.name().equals(entry.name())).toList());
        updated.add(entry);
        return List.copyOf(updated);
    }
}
