package io.sluice.alerting.wiring;

import io.sluice.alerting.delivery.AlertDeliveryListener;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * On a graceful stop, before the delivery consumer closes: stops taking new alerts and lets those under
 * way finish and be acknowledged (at most {@link #DRAIN}), so a restart does not post them again.
 * Runs in a phase after the listener containers', so it stops first.
 */
final class DeliveryDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDrain.class);
    static final Duration DRAIN = Duration.ofSeconds(15);

    private final KafkaListenerEndpointRegistry registry;
    private final AlertDeliveryListener listener;
    private volatile boolean running;

    DeliveryDrain(KafkaListenerEndpointRegistry registry, AlertDeliveryListener listener) {
        this.registry = registry;
        this.listener = listener;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        MessageListenerContainer container = registry.getListenerContainer(AlertDeliveryListener.ID);
        if (container != null) {
            container.pause();
        }
        if (!listener.awaitAcknowledged(DRAIN)) {
            log.warn("alerts still being delivered after {}: they will be read again after the restart", DRAIN);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50; // listener containers run in MAX_VALUE - 100: this one stops before them
    }
}
