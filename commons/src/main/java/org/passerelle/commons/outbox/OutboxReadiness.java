package org.passerelle.commons.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.passerelle.commons.events.EventsConfig;

/**
 * The relay's lag in the readiness details. It stays UP while the outbox can be read: a lagging
 * relay does not stop the service taking writes, which wait safely in the outbox.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

  private final OutboxMonitor monitor;
  private final EventsConfig config;

  OutboxReadiness(OutboxMonitor monitor, EventsConfig config) {
    this.monitor = monitor;
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay");
    try {
      OutboxMonitor.Lag lag = monitor.lag();
      return response
          .up()
          .withData("topic", config.topic())
          .withData("pendingRows", lag.pendingRows())
          .withData("oldestUnsentAgeSeconds", String.valueOf(lag.oldestUnsentAgeSeconds()))
          .build();
    } catch (RuntimeException e) {
      return response.down().withData("error", "the outbox cannot be read").build();
    }
  }
}
