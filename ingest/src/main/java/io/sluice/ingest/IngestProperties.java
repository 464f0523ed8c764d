package io.sluice.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and defaults of the HTTP ingest.
 *
 * @param maxBodySize largest request body accepted on the wire (413 above)
 * @param maxDecompressedSize largest body once a gzip/deflate body is inflated (413 above: gzip bombs)
 * @param maxLineSize largest single line accepted (that line is rejected, the others go on)
 * @param maxJsonDepth deepest JSON nesting accepted in a line (that line is rejected)
 * @param kafkaAckTimeout how long a request waits for Kafka's acknowledgement before answering 503
 * @param defaultService service name for lines that name none, when the request names none either
 * @param elasticsearchVersion the version the Elasticsearch-compatible endpoint reports to shippers
 *                             that check it (Beats, Logstash, Vector)
 * @param maxInFlightBytes the bytes all log requests together may hold (bodies once, inflated bodies twice);
 *                         above it 429 with {@code Retry-After}, and 413 for a request that needs more alone.
 *                         Unset: 40% of the heap
 */
@ConfigurationProperties("sluice.ingest")
public record IngestProperties(
        @DefaultValue("10MB") DataSize maxBodySize,
        @DefaultValue("100MB") DataSize maxDecompressedSize,
        @DefaultValue("1MB") DataSize maxLineSize,
        @DefaultValue("20") int maxJsonDepth,
        @DefaultValue("15s") Duration kafkaAckTimeout,
        @DefaultValue("unknown") String defaultService,
        @DefaultValue("8.19.0") String elasticsearchVersion,
        DataSize maxInFlightBytes) {

    /** The share of the heap the in-flight budget takes when {@code maxInFlightBytes} is unset. */
    public static final double HEAP_SHARE = 0.4;

    public long inFlightBudget(long maxHeapBytes) {
        return maxInFlightBytes != null ? maxInFlightBytes.toBytes() : (long) (maxHeapBytes * HEAP_SHARE);
    }
}
