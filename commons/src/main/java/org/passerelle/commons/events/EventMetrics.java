package org.passerelle.commons.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counters of the event backbone, per topic and consumer, exported on {@code /q/metrics}: {@code
 * passerelle_events_published_total}, {@code _consumed_total} (outcome applied or duplicate),
 * {@code _retried_total}, {@code _parked_total} and {@code _redriven_total}. The relay's lag is a
 * gauge of {@link org.passerelle.commons.outbox.OutboxMonitor}.
 */
@ApplicationScoped
public class EventMetrics {

  private final MeterRegistry registry;

  EventMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void published(String topic, int count) {
    Counter.builder("passerelle.events.published")
        .description("Events the outbox relay sent and the broker acknowledged")
        .tag("topic", topic)
        .register(registry)
        .increment(count);
  }

  public void consumed(String topic, String consumer, String type, boolean duplicate) {
    Counter.builder("passerelle.events.consumed")
        .description("Events a consumer handled: applied, or skipped as already applied")
        .tag("topic", topic)
        .tag("consumer", consumer)
        .tag("type", type)
        .tag("outcome", duplicate ? "duplicate" : "applied")
        .register(registry)
        .increment();
  }

  public void retried(String topic, String consumer, String type) {
    Counter.builder("passerelle.events.retried")
        .description("Failed attempts to apply an event that were retried")
        .tag("topic", topic)
        .tag("consumer", consumer)
        .tag("type", type)
        .register(registry)
        .increment();
  }

  public void parked(String topic, String consumer, String type) {
    Counter.builder("passerelle.events.parked")
        .description("Events parked in the dead-letter topic after their last attempt")
        .tag("topic", topic)
        .tag("consumer", consumer)
        .tag("type", type)
        .register(registry)
        .increment();
  }

  public void redriven(String topic, String consumer, String type) {
    Counter.builder("passerelle.events.redriven")
        .description("Parked events an administrator re-drove successfully")
        .tag("topic", topic)
        .tag("consumer", consumer)
        .tag("type", type)
        .register(registry)
        .increment();
  }
}
