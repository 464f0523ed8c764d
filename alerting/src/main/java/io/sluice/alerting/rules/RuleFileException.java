package io.sluice.alerting.rules;

import java.util.List;

/** A rules file that cannot be used, with every problem found in it. */
public final class RuleFileException extends RuntimeException {

    private final List<String> problems;

    public RuleFileException(String source, List<String> problems) {
        super(source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
