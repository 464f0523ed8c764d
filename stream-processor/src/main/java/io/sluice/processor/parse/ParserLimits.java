package io.sluice.processor.parse;

import java.time.Duration;

/**
 * The parser's limits: records over {@code maxLineBytes} and JSON deeper than {@code maxJsonDepth} are
 * refused before any parsing; timestamps more than {@code maxFutureSkew} ahead are clamped and flagged.
 */
public record ParserLimits(int maxLineBytes, int maxJsonDepth, Duration maxFutureSkew) {

    public ParserLimits {
        if (maxLineBytes <= 0 || maxJsonDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
