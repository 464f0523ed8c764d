package io.sluice.alerting.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of rule, by the name a rules file uses. */
public enum RuleType {
    /** at least {@code threshold} matching events per group in one window */
    THRESHOLD,
    /** matching events / all events of the group in one window at least {@code ratio} (with {@code min-events}) */
    RATIO,
    /** an error fingerprint not seen in the last {@code lookback} */
    NEW_ERROR,
    /** a group (a service) that sent nothing for {@code for} */
    ABSENCE,
    /** any event matching {@code match.query}: a threshold of 1 by default */
    PATTERN,
    /** a window's count at least {@code factor} × the mean of the {@code baseline-windows} before it */
    SPIKE;

    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RuleType> byFileName(String name) {
        return Arrays.stream(values()).filter(type -> type.fileName().equals(name)).findFirst();
    }
}
