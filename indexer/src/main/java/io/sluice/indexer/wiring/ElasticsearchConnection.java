package io.sluice.indexer.wiring;

import io.sluice.elasticsearch.ElasticsearchAccess;
import java.nio.file.Path;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who the indexer is to Elasticsearch and whom it trusts: every request carries
 * {@code sluice.elasticsearch.authorization} (its own user's {@code Basic} credentials under {@code ./sluice up},
 * or an {@code ApiKey} where the cluster has API keys), and the node's certificate is checked against
 * {@code sluice.elasticsearch.ca-file} only (without one, the JDK's trusted CAs).
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConnection {

    @Bean
    Rest5ClientBuilderCustomizer indexerCredentialAndTrust(@Value("${sluice.elasticsearch.authorization:}") String authorization,
            @Value("${sluice.elasticsearch.ca-file:}") String caFile) {
        return builder -> {
            if (!authorization.isBlank()) {
                builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", authorization, true)});
            }
            if (!caFile.isBlank()) {
                builder.setSSLContext(ElasticsearchAccess.trusting(Path.of(caFile)));
            }
        };
    }
}
