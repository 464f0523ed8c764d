package io.sluice.processor;

import io.sluice.processor.parse.SourceSettings;
import io.sluice.redact.RedactionRule;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The processor's settings. Limits: a record over {@code maxRecordSize} or JSON nested deeper than
 * {@code maxJsonDepth} goes to the DLQ with its reason, before any regex runs; a grok match running
 * longer than {@code maxGrokTime} is interrupted (the record goes to the DLQ). A timestamp more than
 * {@code maxFutureSkew} after the record reached Kafka is clamped to that moment and flagged: one wrong
 * clock must not move event time (and so alert windows) hours ahead for everyone. {@code redaction}
 * lists the personal-data rules applied to every event (all by default; an empty list switches
 * redaction off). {@code keepOriginal} keeps every line as {@code event.original} (by default only lines
 * whose fields do not carry all of them). {@code timezone} is the zone of timestamps without one, {@code multiline} and
 * {@code multilineFlushTimeout} govern joining continuation lines, and {@code services} overrides the
 * format, time zone and joining per service. {@code lagCheckInterval} is how often the gauge
 * {@code sluice_consumer_lag_records{stage="processor"}} is read from the broker. An enriched event
 * larger than {@code maxEventSize} (it can outgrow its line) goes to the DLQ as {@code too_large}: the
 * producer could not write it, and under exactly-once that would stop the stage.
 */
@ConfigurationProperties("sluice.processor")
public record ProcessorProperties(
        @DefaultValue("1MB") DataSize maxRecordSize,
        @DefaultValue("960KB") DataSize maxEventSize,
        @DefaultValue("20") int maxJsonDepth,
        @DefaultValue("5m") Duration maxFutureSkew,
        @DefaultValue({"EMAIL", "CARD", "BEARER", "URL_PASSWORD"}) Set<RedactionRule> redaction,
        @DefaultValue("UTC") ZoneId timezone,
        @DefaultValue("true") boolean multiline,
        @DefaultValue("1s") Duration multilineFlushTimeout,
        @DefaultValue("100ms") Duration maxGrokTime,
        @DefaultValue("false") boolean keepOriginal,
        @DefaultValue("5s") Duration lagCheckInterval,
        Map<String, ServiceProperties> services) {

    public ProcessorProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /** One service's overrides; what is left out comes from the processor-wide settings. */
    public record ServiceProperties(@DefaultValue("auto") String format, List<String> grok, ZoneId timezone, Boolean multiline,
            Boolean keepOriginal) {
    }

    public SourceSettings defaults() {
        return new SourceSettings(SourceSettings.AUTO, List.of(), timezone, multiline, keepOriginal);
    }

    public Map<String, SourceSettings> serviceSettings() {
        Map<String, SourceSettings> settings = new java.util.LinkedHashMap<>();
        services.forEach((service, overrides) -> settings.put(service, new SourceSettings(overrides.format(), overrides.grok(),
                overrides.timezone(), overrides.multiline() != null ? overrides.multiline() : multiline,
                overrides.keepOriginal() != null ? overrides.keepOriginal() : keepOriginal)));
        return settings;
    }
}
