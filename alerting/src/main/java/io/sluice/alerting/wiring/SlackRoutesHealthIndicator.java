package io.sluice.alerting.wiring;

import io.sluice.alerting.delivery.AlertDispatcher;
import io.sluice.alerting.delivery.RouteHealth;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN while a Slack route keeps failing, naming the route and the error in words ({@code problem}),
 * so {@code ./sluice status} shows it; not part of readiness: other routes still deliver.
 */
@Component("slackRoutes")
class SlackRoutesHealthIndicator implements HealthIndicator {

    private final AlertDispatcher dispatcher;

    SlackRoutesHealthIndicator(AlertDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public Health health() {
        List<RouteHealth.Snapshot> routes = dispatcher.routeHealth();
        List<String> down = routes.stream().filter(RouteHealth.Snapshot::down).map(RouteHealth.Snapshot::describe).toList();
        Health.Builder health = down.isEmpty() ? Health.up() : Health.down().withDetail("problem", String.join("; ", down));
        routes.forEach(route -> health.withDetail(route.route(), route.describe()));
        return health.build();
    }
}
