package io.sluice.cli.search;

import io.sluice.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Elasticsearch's own explanation of a refused search, shortened to its deepest cause's first line. */
public final class ElasticsearchRefusal {

    private static final int MAX_LENGTH = 300;

    private ElasticsearchRefusal() {
    }

    public static String reason(String body) {
        JsonNode error;
        try {
            error = Json.MAPPER.readTree(body).path("error");
        } catch (JacksonException notJson) {
            return shorten(body);
        }
        JsonNode failure = error.path("failed_shards").path(0).path("reason");
        if (failure.isMissingNode()) {
            failure = error.path("root_cause").path(0);
        }
        if (failure.isMissingNode()) {
            failure = error;
        }
        return shorten(reasonOf(failure, error.path("reason").asString(body)));
    }

    /**
     * Why shards failed in an answer Elasticsearch gave with status 200: a search over many indices whose query one
     * index cannot run (a number compared with text) fails on those shards only. Empty when none failed.
     */
    public static java.util.Optional<String> shardFailures(JsonNode response) {
        JsonNode shards = response.path("_shards");
        if (shards.path("failed").asInt() == 0) {
            return java.util.Optional.empty();
        }
        String reason = reasonOf(shards.path("failures").path(0).path("reason"), "no reason given");
        return java.util.Optional.of(shorten(reason));
    }

    /** Whether every shard that ran the query failed it: then there is no answer, only the refusal. */
    public static boolean everyShardFailed(JsonNode response) {
        JsonNode shards = response.path("_shards");
        int ran = shards.path("total").asInt() - shards.path("skipped").asInt();
        return shards.path("failed").asInt() > 0 && shards.path("failed").asInt() >= ran;
    }

    /** A parse error's own words (the deepest cause); otherwise the failure's reason, which says what failed. */
    private static String reasonOf(JsonNode failure, String fallback) {
        JsonNode deepest = failure;
        while (deepest.has("caused_by")) {
            deepest = deepest.path("caused_by");
        }
        if (deepest.path("type").asString().equals("parse_exception") || !failure.has("reason")) {
            return deepest.path("reason").asString(fallback);
        }
        return failure.path("reason").asString(fallback);
    }

    private static String shorten(String text) {
        String first = text.strip().lines().findFirst().orElse("").strip();
        return first.length() <= MAX_LENGTH ? first : first.substring(0, MAX_LENGTH) + "…";
    }
}
