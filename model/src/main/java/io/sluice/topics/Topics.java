package io.sluice.topics;

import io.sluice.json.JsonSerde;
import io.sluice.model.Alert;
import io.sluice.model.CatalogEntry;
import io.sluice.model.LogEvent;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The platform's topics. Versioned names: a breaking change of a value's shape gets a new topic. */
public final class Topics {

    /**
     * What shippers publish: the value is one log line as sent (a JSON object or plain text), the key
     * the service name; headers in {@link SluiceHeaders} carry service, host and event id.
     */
    public static final Topic<String, byte[]> RAW = new Topic<>("logs.raw.v1", Serdes.String(), Serdes.ByteArray());

    /** Parsed, normalized events, keyed by service name. */
    public static final Topic<String, LogEvent> ENRICHED =
            new Topic<>("logs.enriched.v1", Serdes.String(), new JsonSerde<>(LogEvent.class));

    /** Records no stage could handle, unchanged, with the reason and origin in headers. */
    public static final Topic<String, byte[]> DLQ = new Topic<>("logs.dlq.v1", Serdes.String(), Serdes.ByteArray());

    /** Alerts decided by the alerting stream, keyed by rule and group. */
    public static final Topic<String, Alert> ALERTS =
            new Topic<>("alerts.v1", Serdes.String(), new JsonSerde<>(Alert.class));

    /** The service catalog: owner, team, Slack channel and tier per service name. Compacted: the latest entry wins. */
    public static final Topic<String, CatalogEntry> CATALOG =
            new Topic<>("services.catalog.v1", Serdes.String(), new JsonSerde<>(CatalogEntry.class));

    public static final List<Topic<?, ?>> ALL = List.of(RAW, ENRICHED, DLQ, ALERTS, CATALOG);

    private Topics() {
    }
}
