package io.sluice.indexer.bulk;

import java.util.Objects;

/** One event ready for a bulk {@code create}: target index, {@code _id} = event id, the JSON source. */
public record BulkDocument(Coordinates origin, String key, String index, String id, byte[] source)
        implements MappedRecord {

    public BulkDocument {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }
}
