package io.sluice.alerting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The error-count rule and where its alerts go.
 *
 * @param errorThreshold ERROR/FATAL events of one service within one window that fire an alert
 * @param window         the event-time window (tumbling)
 * @param grace          how late an event may arrive and still count in its window
 * @param slackWebhookUrl the incoming webhook; from {@code SLACK_WEBHOOK_URL}, never from a file in git
 * @param kibanaUrl      base of the Discover links in alerts; from {@code KIBANA_PUBLIC_URL}
 */
@ConfigurationProperties("sluice.alerting")
public record AlertingProperties(
        @DefaultValue("10") int errorThreshold,
        @DefaultValue("1m") Duration window,
        @DefaultValue("30s") Duration grace,
        String slackWebhookUrl,
        @DefaultValue("http://localhost:5601") String kibanaUrl) {

    public AlertingProperties {
        if (errorThreshold < 1) {
            throw new IllegalArgumentException("sluice.alerting.error-threshold must be at least 1");
        }
    }

    public boolean slackConfigured() {
        return slackWebhookUrl != null && !slackWebhookUrl.isBlank();
    }

    /** Never the webhook itself: it is a secret. */
    @Override
    public String toString() {
        return "AlertingProperties[errorThreshold=" + errorThreshold + ", window=" + window + ", grace=" + grace
                + ", slack=" + (slackConfigured() ? "configured" : "not configured") + ", kibanaUrl=" + kibanaUrl + "]";
    }
}
