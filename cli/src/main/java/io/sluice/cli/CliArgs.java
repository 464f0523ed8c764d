package io.sluice.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line words split into positional arguments, {@code --key value} options and {@code --flags}. */
record CliArgs(List<String> positional, Map<String, String> options, Set<String> flags) {

    private static final Set<String> FLAGS = Set.of("demo", "json", "insecure", "cluster");

    static CliArgs parse(List<String> words) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                positional.add(word);
                continue;
            }
            String name = word.substring(2);
            int equals = name.indexOf('=');
            if (equals > 0) {
                options.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (FLAGS.contains(name)) {
                flags.add(name);
            } else if (i + 1 < words.size()) {
                options.put(name, words.get(++i));
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
        }
        return new CliArgs(List.copyOf(positional), Map.copyOf(options), Set.copyOf(flags));
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** {@code --profile local|test|chaos}: whose runtime (data folder, ports, credentials) a command talks to. */
    io.sluice.runtime.Profile profile() {
        String name = option("profile", "local");
        try {
            return io.sluice.runtime.Profile.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--profile is local, test or chaos, not '" + name + "'");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
