package io.sluice.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and defaults of the HTTP ingest.
 *
 * @param maxBodySize largest request body accepted (413 above)
 * @param maxLineSize largest single line accepted (that line is rejected, the others go on)
 * @param kafkaAckTimeout how long a request waits for Kafka's acknowledgement before answering 503
 * @param defaultService service name for lines that name none, when the request names none either
 */
@ConfigurationProperties("sluice.ingest")
public record IngestProperties(
        @DefaultValue("10MB") DataSize maxBodySize,
        @DefaultValue("1MB") DataSize maxLineSize,
        @DefaultValue("15s") Duration kafkaAckTimeout,
        @DefaultValue("unknown") String defaultService) {
}
