package io.sluice.ingest.bulk;

/**
 * One operation of an Elasticsearch bulk body: its verb ({@code index}, {@code create}, ...), target
 * index and id from the action line, and the source line that followed it (null for verbs without one).
 */
public record BulkItem(String verb, String index, String id, byte[] source) {

    public boolean writesDocument() {
        return "index".equals(verb) || "create".equals(verb);
    }
}
