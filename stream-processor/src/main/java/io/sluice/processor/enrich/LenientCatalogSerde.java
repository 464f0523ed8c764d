package io.sluice.processor.enrich;

import io.sluice.model.CatalogEntry;
import io.sluice.topics.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog as the processor reads it: an entry that is not one (a hand-written record of the wrong shape)
 * is logged and read as an empty entry — the service loses what its entry said until it is fixed, and the
 * processor does not stop for it (the global table would otherwise fail on it at every start).
 */
public final class LenientCatalogSerde {

    private static final Logger log = LoggerFactory.getLogger(LenientCatalogSerde.class);
    private static final CatalogEntry EMPTY = new CatalogEntry(null, null, null, null);

    private LenientCatalogSerde() {
    }

    public static Serde<CatalogEntry> create() {
        Deserializer<CatalogEntry> strict = Topics.CATALOG.valueSerde().deserializer();
        Deserializer<CatalogEntry> lenient = (topic, bytes) -> {
            try {
                return strict.deserialize(topic, bytes);
            } catch (SerializationException e) {
                log.warn("a record on {} is not a catalog entry, read as an empty one: {}", topic,
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                return EMPTY;
            }
        };
        return Serdes.serdeFrom(Topics.CATALOG.valueSerde().serializer(), lenient);
    }
}
