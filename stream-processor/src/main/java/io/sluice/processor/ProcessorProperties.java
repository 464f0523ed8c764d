package io.sluice.processor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the parser: a record over {@code maxRecordSize} or JSON nested deeper than
 * {@code maxJsonDepth} goes to the DLQ with its reason, before any regex runs.
 */
@ConfigurationProperties("sluice.processor")
public record ProcessorProperties(
        @DefaultValue("1MB") DataSize maxRecordSize,
        @DefaultValue("20") int maxJsonDepth) {
}
