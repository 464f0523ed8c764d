package io.sluice.runtime.elasticsearch;

import io.sluice.elasticsearch.ElasticsearchAccess;

/** How each {@link ElasticsearchPrincipal} reaches a platform's Elasticsearch. */
public interface ElasticsearchIdentities {

    ElasticsearchAccess as(ElasticsearchPrincipal principal);

    /** The administrator: templates, keys, and the test harness's own reads and writes. */
    default ElasticsearchAccess admin() {
        return as(ElasticsearchPrincipal.ADMIN);
    }

    default String url() {
        return admin().url();
    }

    /** A node Sluice does not run, with security off (a test container): everyone is the same anonymous client. */
    static ElasticsearchIdentities open(String url) {
        ElasticsearchAccess access = ElasticsearchAccess.open(url);
        return principal -> access;
    }
}
