package io.sluice.processor;

import io.sluice.processor.redact.RedactionRule;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the parser: a record over {@code maxRecordSize} or JSON nested deeper than
 * {@code maxJsonDepth} goes to the DLQ with its reason, before any regex runs. A timestamp more
 * than {@code maxFutureSkew} after the record reached Kafka is clamped to that moment and flagged:
 * one wrong clock must not move event time (and so alert windows) hours ahead for everyone.
 * {@code redaction} lists the personal-data rules applied to every event (all by default; an empty
 * list switches redaction off).
 */
@ConfigurationProperties("sluice.processor")
public record ProcessorProperties(
        @DefaultValue("1MB") DataSize maxRecordSize,
        @DefaultValue("20") int maxJsonDepth,
        @DefaultValue("5m") Duration maxFutureSkew,
        @DefaultValue({"EMAIL", "CARD", "BEARER", "URL_PASSWORD"}) Set<RedactionRule> redaction) {
}
