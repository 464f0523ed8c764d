package io.sluice.runtime.elasticsearch;

import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.process.ChildProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts every Elasticsearch node of a platform's shape: one node as it always was; the nodes of a cluster together
 * (the first election needs a majority of them), then waits until each answers.
 */
public final class ElasticsearchCluster {

    private ElasticsearchCluster() {
    }

    /** The nodes' processes, node 1 first; on a failure, those already started are stopped. */
    public static List<ChildProcess> start(RuntimeSettings settings, Map<String, String> env) {
        List<ElasticsearchNode> nodes = nodes(settings, env);
        List<ChildProcess> launched = new ArrayList<>();
        try {
            for (ElasticsearchNode node : nodes) {
                launched.add(node.launch());
            }
            for (int i = 0; i < nodes.size(); i++) {
                nodes.get(i).awaitReady(launched.get(i));
            }
            return List.copyOf(launched);
        } catch (RuntimeException e) {
            launched.forEach(ChildProcess::close);
            throw e;
        }
    }

    public static List<ElasticsearchNode> nodes(RuntimeSettings settings, Map<String, String> env) {
        return settings.elasticsearchNodes().stream().map(node -> new ElasticsearchNode(settings, env, List.of(), node)).toList();
    }
}
