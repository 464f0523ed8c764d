package io.sluice.alerting.rules;

import java.util.List;

/** A rule's parts that cannot work together or at all, each problem in words a rules file's author understands. */
public final class InvalidRuleException extends IllegalArgumentException {

    private final List<String> problems;

    private InvalidRuleException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    /** Throws when there is anything to say; a constructor collects every problem first. */
    static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
    }
}
