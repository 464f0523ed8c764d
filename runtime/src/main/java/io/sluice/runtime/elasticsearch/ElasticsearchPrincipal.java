package io.sluice.runtime.elasticsearch;

/**
 * Who talks to Sluice's Elasticsearch, and exactly what each may do: each is a user of the node's file realm
 * with a role of its own (the node's {@code roles.yml}) naming its indices and privileges, and nothing else.
 *
 * <p>Why users and not API keys: API keys (and native users and roles) live in the {@code .security} system
 * index, whose mapping needs the {@code analysis-common} module; the Elasticsearch distribution this machine
 * can run has none, so no key can be created here. File-realm users with file roles give each service exactly
 * the same grants, need no system index, and are rotated by the runtime ({@link LocalElasticsearchIdentities}).
 */
public enum ElasticsearchPrincipal {
    /** The runtime: templates, and the test harness's own reads. The built-in {@code superuser} role. */
    ADMIN("sluice-admin", null),
    /**
     * The indexer writes documents it cannot read back: create (never overwrite) in the log, dead-letter and
     * alert-audit indices; deletes for retention only log and dead-letter indices, never the alert audit.
     */
    INDEXER("sluice-indexer", """
            {"sluice-indexer": {
              "cluster": ["monitor", "manage_index_templates"],
              "indices": [
                {"names": ["logs-*", "sluice-dlq-*"],
                 "privileges": ["create_doc", "create_index", "auto_configure", "view_index_metadata", "delete_index"]},
                {"names": ["sluice-alerts-*"],
                 "privileges": ["create_doc", "create_index", "auto_configure", "view_index_metadata"]}
              ]}}"""),
    /** The alert audit's retention, apart from the indexer that writes it: may list and delete alert-audit months only. */
    AUDIT_RETENTION("sluice-audit-retention", """
            {"sluice-audit-retention": {
              "indices": [{"names": ["sluice-alerts-*"], "privileges": ["view_index_metadata", "delete_index"]}]}}"""),
    /**
     * The indexer's scheduled reconciliation: asks which event ids the log indices hold, and nothing else (the
     * indexer itself cannot read what it wrote).
     */
    VERIFIER("sluice-verifier", """
            {"sluice-verifier": {
              "indices": [{"names": ["logs-*"], "privileges": ["read"]}]}}"""),
    /**
     * The local operator ({@code search}, {@code status}, scripts through {@code ./sluice endpoints --json}): reads
     * everything and may create an index; never writes, overwrites or deletes a document or an index.
     */
    OPERATOR("sluice-operator", """
            {"sluice-operator": {
              "cluster": ["monitor"],
              "indices": [{"names": ["logs-*", "sluice-dlq-*", "sluice-alerts-*"],
                           "privileges": ["read", "view_index_metadata", "create_index"]}]}}""");

    private final String name;
    private final String roleDescriptors;

    ElasticsearchPrincipal(String name, String roleDescriptors) {
        this.name = name;
        this.roleDescriptors = roleDescriptors;
    }

    /** The user's name, and its role's. */
    public String principalName() {
        return name;
    }

    /** Its role, as a role descriptor ({@code {"<name>": {...}}}); null for the administrator (built-in superuser). */
    public String roleDescriptors() {
        return roleDescriptors;
    }

    /** The role it holds in the file realm. */
    String role() {
        return this == ADMIN ? "superuser" : name;
    }
}
