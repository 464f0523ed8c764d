package io.sluice.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.sluice.elasticsearch.ElasticsearchAccess;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The Elasticsearch Java client as a test's principal: its URL, its credential, its CA. */
public final class TestElasticsearch {

    private TestElasticsearch() {
    }

    public static ElasticsearchClient client(ElasticsearchAccess access) {
        return ElasticsearchClient.of(config -> {
            config.host(access.url());
            if (access.trustedCertificates() != null) {
                config.sslContext(access.sslContext());
            }
            // as the client's own credential, so the low-level requests (Sluice's bulk sender) carry it too
            String authorization = access.authorization();
            if (authorization != null && authorization.startsWith("Basic ")) {
                String user = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8);
                config.usernameAndPassword(user.substring(0, user.indexOf(':')), user.substring(user.indexOf(':') + 1));
            } else if (authorization != null && authorization.startsWith("ApiKey ")) {
                config.apiKey(authorization.substring("ApiKey ".length()));
            }
            return config;
        });
    }
}
