package io.sluice.alerting.wiring;

import io.sluice.time.Sleeper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.alerting.AlertingProperties;
import io.sluice.alerting.delivery.AlertDeliveryListener;
import io.sluice.alerting.delivery.AlertDispatcher;
import io.sluice.alerting.delivery.PublishingOutcomeSink;
import io.sluice.alerting.delivery.Pacer;
import io.sluice.alerting.delivery.SlackRoutes;
import io.sluice.alerting.evaluate.AlertingTopology;
import io.sluice.alerting.evaluate.RuleSet;
import io.sluice.alerting.rules.Rule;
import io.sluice.alerting.rules.RulesFileWatcher;
import io.sluice.alerting.slack.AlertMessages;
import io.sluice.alerting.slack.SlackWebhookNotifier;
import io.sluice.metrics.LagMonitor;
import io.sluice.metrics.SluiceMeters;
import io.sluice.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import io.sluice.spring.kafka.KafkaSupport;
import io.sluice.spring.kafka.LagMonitors;
import io.sluice.spring.kafka.TransactionalInputSupport;
import io.sluice.spring.streams.StreamsSupport;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Connects rules, the alerting topology and the Slack delivery; no logic here. */
@Configuration
@EnableKafkaStreams
@Import({StreamsSupport.class, KafkaSupport.class, TransactionalInputSupport.class})
class AlertingWiring {

    private static final Logger log = LoggerFactory.getLogger(AlertingWiring.class);
    private static final Duration LAG_CHECK_INTERVAL = Duration.ofSeconds(5);

    /** The rules file's rules (a start with an invalid file fails, listing its problems), or one threshold rule. */
    @Bean
    RuleSet ruleSet(AlertingProperties properties) {
        if (properties.rulesFile() != null) {
            List<Rule> rules = RulesFileWatcher.load(properties.rulesFile());
            log.info("{} alert rules from {}: {}", rules.size(), properties.rulesFile(), rules.stream().map(Rule::id).toList());
            return new RuleSet(rules);
        }
        log.info("no rules file (sluice.alerting.rules-file): one rule, {} ERROR/FATAL events per service in {}",
                properties.errorThreshold(), properties.window());
        return new RuleSet(List.of(Rule.serviceErrors(properties.errorThreshold(), properties.window(), properties.grace())));
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler rulesReloads(AlertingProperties properties, RuleSet rules, MeterRegistry meters) throws IOException {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("rules-reload-");
        scheduler.initialize();
        if (properties.rulesFile() != null) {
            RulesFileWatcher watcher = new RulesFileWatcher(properties.rulesFile(), rules);
            watcher.markLoaded();
            scheduler.scheduleWithFixedDelay(watcher::reloadIfChanged, properties.rulesReloadInterval());
            Gauge.builder("sluice.alerting.rules.refused_reloads", watcher, RulesFileWatcher::refusedReloads)
                    .description("changed rules files that were not valid and were not applied").register(meters);
        }
        FunctionCounter.builder(SluiceMeters.EVENTS_IN, rules, RuleSet::observedEvents)
                .description("events this stage took in").tag("stage", "alerting").register(meters);
        Gauge.builder("sluice.alerting.rules", rules, set -> set.all().size()).description("rules in force").register(meters);
        Gauge.builder("sluice.alerting.late_events", rules, RuleSet::lateEvents)
                .description("events that arrived after their window closed, grace included").register(meters);
        return scheduler;
    }

    @Bean
    Object alertingTopology(StreamsBuilder builder, RuleSet rules) {
        AlertingTopology.build(builder, rules);
        return AlertingTopology.STORE;
    }

    @Bean(destroyMethod = "close")
    AlertDispatcher alertDispatcher(AlertingProperties properties, KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
        SlackRoutes routes = new SlackRoutes(properties.slackConfigured() ? URI.create(properties.slackWebhookUrl().trim()) : null,
                properties.slackWebhooks());
        if (!routes.anyConfigured()) {
            log.warn("SLACK_WEBHOOK_URL is not set: alerts are written to {} and logged, not posted", Topics.ALERTS.name());
        }
        return new AlertDispatcher(routes, new AlertMessages(properties.kibanaUrl()), new SlackWebhookNotifier(properties.slackTimeout()),
                new Pacer(AlertDispatcher.SLACK_INTERVAL, Clock.systemUTC(), Sleeper.real()), Sleeper.real(), Clock.systemUTC(),
                new PublishingOutcomeSink(kafka, meters), properties.deliveryMaxRetrying());
    }

    @Bean
    AlertDeliveryListener alertDeliveryListener(AlertDispatcher dispatcher, MeterRegistry meters) {
        return new AlertDeliveryListener(dispatcher,
                alert -> meters.counter("sluice.alerts.fired", "state", lowerCase(alert.state().name())).increment());
    }

    @Bean
    DeliveryDrain deliveryDrain(KafkaListenerEndpointRegistry registry, AlertDeliveryListener listener) {
        return new DeliveryDrain(registry, listener);
    }

    private static String lowerCase(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /** The lag of the rule evaluation (a Streams application: its group is its application id). */
    @Bean
    LagMonitor evaluationLag(LagMonitors lags, KafkaProperties kafka) {
        return lags.start("alerting", kafka.getStreams().getApplicationId(), Topics.ENRICHED.name(), LAG_CHECK_INTERVAL);
    }

    /** The lag of the Slack delivery: decisions not delivered (or reported undeliverable) yet. */
    @Bean
    LagMonitor deliveryLag(LagMonitors lags, KafkaProperties kafka) {
        return lags.start("alert-delivery", kafka.getConsumer().getGroupId(), Topics.ALERTS.name(), LAG_CHECK_INTERVAL);
    }

}
