package io.sluice.testing;

import io.sluice.runtime.Profile;
import io.sluice.runtime.services.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What a service's actuator publishes for Prometheus, read as a scraper reads it. */
public final class PrometheusSamples {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PrometheusSamples() {
    }

    /** The exposition text of instance 1 of {@code service} on the test platform. */
    public static String scrape(Service service) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.managementUrl(Profile.TEST)
                + "/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(service + "'s actuator answered " + response.statusCode());
        }
        return response.body();
    }

    /** The value of the first sample of {@code name} carrying every given label (pairs of name and value); -1 when none does. */
    public static double value(String exposition, String name, String... labels) {
        for (String line : exposition.lines().toList()) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }
}
