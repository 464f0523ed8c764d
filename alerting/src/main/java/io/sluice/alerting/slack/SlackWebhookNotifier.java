package io.sluice.alerting.slack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts a payload to an incoming webhook and classifies Slack's answer: 2xx delivered; 429 transient,
 * with the {@code Retry-After} Slack asked for; 5xx and network failures transient, to be backed off;
 * any other 4xx ({@code invalid_payload}, {@code channel_not_found}, {@code no_service} …) permanent.
 * Errors never include the webhook URL, which is a secret.
 */
public final class SlackWebhookNotifier implements WebhookSender {

    private static final Duration RATE_LIMITED_DEFAULT = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration timeout;

    public SlackWebhookNotifier(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void send(URI webhook, WebhookPayload payload) {
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload.toJson(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NotificationException.Transient("Slack unreachable: " + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationException.Transient("interrupted", null, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String body = response.body().length() > 200 ? response.body().substring(0, 200) : response.body();
        if (status == 429) {
            throw new NotificationException.Transient("Slack rate limit (429)", retryAfter(response), null);
        }
        if (status >= 500) {
            throw new NotificationException.Transient("Slack answered " + status + ": " + body, null, null);
        }
        throw new NotificationException.Permanent("Slack refused the message with " + status + ": " + body);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return RATE_LIMITED_DEFAULT;
            }
        }).orElse(RATE_LIMITED_DEFAULT);
    }
}
