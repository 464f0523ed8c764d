package io.sluice.alerting;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which rules run and where their alerts go.
 *
 * @param rulesFile          the rules (YAML, see {@code alerting/README.md}); without one, a single threshold rule:
 * @param errorThreshold     … ERROR/FATAL events of one service within one {@code window} fire
 * @param window             … in tumbling event-time windows
 * @param grace              … counting events up to this late
 * @param rulesReloadInterval how often the rules file is checked for changes (a changed, valid file replaces the rules)
 * @param slackWebhookUrl    the default incoming webhook; from {@code SLACK_WEBHOOK_URL}, never from a file in git
 * @param slackWebhooks      webhooks per route (a team or a rule's {@code route}), e.g. from
 *                           {@code SLUICE_ALERTING_SLACKWEBHOOKS_PAYMENTS}
 * @param slackTimeout       how long one post to Slack may take
 * @param deliveryMaxRetrying how long an alert waits for its Slack route (retried while the route fails) before it is
 *                           recorded as {@code UNDELIVERED} on {@code alerts.v1}, so nothing behind it waits
 * @param kibanaUrl          base of the Discover links in alerts; from {@code KIBANA_PUBLIC_URL}
 */
@ConfigurationProperties("sluice.alerting")
public record AlertingProperties(
        Path rulesFile,
        @DefaultValue("10") int errorThreshold,
        @DefaultValue("1m") Duration window,
        @DefaultValue("30s") Duration grace,
        @DefaultValue("5s") Duration rulesReloadInterval,
        String slackWebhookUrl,
        Map<String, String> slackWebhooks,
        @DefaultValue("10s") Duration slackTimeout,
        @DefaultValue("4m") Duration deliveryMaxRetrying,
        @DefaultValue("http://localhost:5601") String kibanaUrl) {

    public AlertingProperties {
        if (errorThreshold < 1) {
            throw new IllegalArgumentException("sluice.alerting.error-threshold must be at least 1");
        }
        slackWebhooks = slackWebhooks == null ? Map.of() : Map.copyOf(slackWebhooks);
    }

    public boolean slackConfigured() {
        return slackWebhookUrl != null && !slackWebhookUrl.isBlank();
    }

    /** Never the webhooks themselves: they are secrets. */
    @Override
    public String toString() {
        return "AlertingProperties[rulesFile=" + rulesFile + ", errorThreshold=" + errorThreshold + ", window=" + window
                + ", grace=" + grace + ", slack=" + (slackConfigured() ? "configured" : "not configured")
                + ", routes=" + slackWebhooks.keySet() + ", kibanaUrl=" + kibanaUrl + "]";
    }
}
