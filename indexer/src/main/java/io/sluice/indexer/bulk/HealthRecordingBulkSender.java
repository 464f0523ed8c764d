package io.sluice.indexer.bulk;

import java.util.List;

/**
 * Tells {@link WriteHealth} how each bulk went: refused credentials and unavailability from the
 * exceptions, a write block from items answered {@code cluster_block_exception}, healthy otherwise.
 */
public final class HealthRecordingBulkSender implements BulkSender {

    static final String WRITE_BLOCK = "cluster_block_exception";

    private final BulkSender sender;
    private final WriteHealth health;

    public HealthRecordingBulkSender(BulkSender sender, WriteHealth health) {
        this.sender = sender;
        this.health = health;
    }

    @Override
    public List<ItemResult> send(List<BulkDocument> documents) {
        List<ItemResult> results;
        try {
            results = sender.send(documents);
        } catch (ElasticsearchCredentialsException e) {
            health.failing(WriteHealth.Problem.CREDENTIALS, e.getMessage());
            throw e;
        } catch (ElasticsearchUnavailableException e) {
            health.failing(isWriteBlock(e.getMessage()) ? WriteHealth.Problem.WRITES_BLOCKED : WriteHealth.Problem.UNAVAILABLE, e.getMessage());
            throw e;
        }
        results.stream().filter(result -> WRITE_BLOCK.equals(result.errorType())).findFirst().ifPresentOrElse(
                blocked -> health.failing(WriteHealth.Problem.WRITES_BLOCKED, blocked.describe()), health::healthy);
        return results;
    }

    private static boolean isWriteBlock(String message) {
        return message != null && message.contains(WRITE_BLOCK);
    }
}
