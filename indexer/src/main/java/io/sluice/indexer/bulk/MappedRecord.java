package io.sluice.indexer.bulk;

/** An enriched record after mapping: a document to index, or a rejection to dead-letter. */
public sealed interface MappedRecord permits BulkDocument, Rejection {
}
