package io.sluice.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code ./sluice status} takes from a service's health answer: every problem a component states, nested or not. */
class StationReaderTest {

    @Test
    void shouldCollectTheProblemOfEveryComponentThatStatesOne() {
        String health = """
                {"status":"DOWN","components":{
                  "diskSpace":{"status":"UP","details":{"free":1}},
                  "slackRoutes":{"status":"DOWN","details":{"problem":"route payments down since 2026-11-30T05:00:00Z: Slack unreachable","default":"route default up"}},
                  "streams":{"status":"UP","details":{"state":"RUNNING","threadsReplaced":0}},
                  "group":{"status":"DOWN","components":{"elasticsearchWrites":{"status":"DOWN","details":{"problem":"Elasticsearch refuses the indexer's credentials"}}}}}}
                """;
        List<String> problems = new ArrayList<>();

        StationReader.collectProblems(Json.MAPPER.readTree(health).path("components"), problems);

        assertThat(problems).containsExactly("route payments down since 2026-11-30T05:00:00Z: Slack unreachable",
                "Elasticsearch refuses the indexer's credentials");
    }
}
