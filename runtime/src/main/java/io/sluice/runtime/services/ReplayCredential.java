package io.sluice.runtime.services;

import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.secrets.SecretStore;
import io.sluice.tokens.IngestTokens;
import java.util.Map;

/**
 * The operator's credential for the indexer's replay endpoint: a token kept owner-only in the data folder, which
 * {@code ./sluice replay} sends; the indexer is handed only its digest. Replay rewrites indices, so the data port
 * answers it to no one else.
 */
public final class ReplayCredential {

    private final SecretStore secrets;

    public ReplayCredential(RuntimeSettings settings) {
        this.secrets = new SecretStore(settings.dataDir().resolve("secrets"));
    }

    public String token() {
        return secrets.secret("indexer-replay-operator", IngestTokens::generate);
    }

    public String authorization() {
        return "Bearer " + token();
    }

    /** What the indexer reads: the digest, never the token. */
    public Map<String, String> serviceEnvironment() {
        return Map.of("SLUICE_INDEXER_REPLAY_TOKEN_DIGEST", IngestTokens.digest(token()));
    }
}
