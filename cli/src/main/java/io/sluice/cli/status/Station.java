package io.sluice.cli.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./sluice status} shows, read at one moment: each stage with its rate, lag and restarts,
 * Elasticsearch's health, the dead letters by stage and reason, and the last alert.
 */
public record Station(Instant at, Duration sample, List<Stage> stages, KafkaHealth kafka, ElasticsearchHealth elasticsearch,
        DeadLetters deadLetters, LastAlert lastAlert) {

    /** Whether the broker answered; {@code supervised} as for a stage. */
    public record KafkaHealth(String bootstrap, boolean reachable, Supervised supervised) {
    }

    /**
     * One stage: {@code health} as its actuator answered (or {@code unreachable}), events per second
     * it took in over the sample (null when unknown), its consumer lags, and what the supervisor of
     * {@code ./sluice up} says of it (null when no supervisor runs), and the problems its health
     * names in words (a Slack route down, Elasticsearch refusing writes, a Streams thread replaced).
     */
    public record Stage(String name, String health, Double perSecond, List<Lag> lags, Supervised supervised, List<String> problems) {

        public Stage {
            problems = problems == null ? List.of() : List.copyOf(problems);
        }
    }

    /** A group's lag on a topic at the start and the end of the sample. */
    public record Lag(String group, String topic, long before, long now) {

        public String trend() {
            return now > before ? "growing" : now < before ? "shrinking" : now == 0 ? "caught up" : "steady";
        }
    }

    public record Supervised(String state, int restarts, Instant lastExitAt, Integer lastExitCode) {
    }

    /** {@code status} is green, yellow, red or unreachable; {@code logDocuments} in {@code logs-*}. */
    public record ElasticsearchHealth(String url, String status, int nodes, long logDocuments, String problem, Supervised supervised) {
    }

    /** Records counted in the dead-letter topic, by "stage reason-category". */
    public record DeadLetters(long total, Map<String, Long> byStageAndReason, boolean partial) {
    }

    /** The newest alert decision and how its delivery ended ({@code pending} while there is no report yet). */
    public record LastAlert(String state, String ruleName, String group, double value, double threshold, Instant decidedAt,
            String delivery) {
    }
}
