package org.passerelle.commons.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.passerelle.commons.events.EventsConfig;

/**
 * The relay's lag: rows waiting in the outbox and the age of the oldest, as gauges ({@code
 * passerelle_outbox_pending_rows}, {@code passerelle_outbox_oldest_unsent_age_seconds}) and in the
 * readiness details. A lag does not make the service unready: writes still commit into the outbox
 * and leave when the broker is back; the Kafka readiness check reports the broker itself.
 */
@ApplicationScoped
public class OutboxMonitor {

  /** Rows waiting and the age of the oldest, in seconds (0 when none waits). */
  public record Lag(long pendingRows, double oldestUnsentAgeSeconds) {}

  private static final Duration CACHE = Duration.ofSeconds(1);

  private final DataSource dataSource;
  private final EventsConfig config;
  private final MeterRegistry registry;
  private volatile Lag cached;
  private volatile long cachedAtNanos;

  OutboxMonitor(DataSource dataSource, EventsConfig config, MeterRegistry registry) {
    this.dataSource = dataSource;
    this.config = config;
    this.registry = registry;
  }

  void registerGauges(@Observes StartupEvent event) {
    Gauge.builder(
            "passerelle.outbox.pending.rows",
            this,
            monitor -> {
              long pending = monitor.gaugeLag().pendingRows();
              return pending < 0 ? Double.NaN : pending;
            })
        .description("Outbox rows not yet acknowledged by the broker")
        .tag("topic", config.topic())
        .register(registry);
    Gauge.builder(
            "passerelle.outbox.oldest.unsent.age.seconds",
            this,
            monitor -> monitor.gaugeLag().oldestUnsentAgeSeconds())
        .description("Age of the oldest outbox row not yet acknowledged by the broker")
        .tag("topic", config.topic())
        .register(registry);
  }

  /** Reads the lag now; throws when the database cannot be read. */
  public Lag lag() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select count(*), min(created_at), now() from outbox_event where sent_at is null");
        ResultSet result = statement.executeQuery()) {
      result.next();
      long pending = result.getLong(1);
      OffsetDateTime oldest = result.getObject(2, OffsetDateTime.class);
      OffsetDateTime now = result.getObject(3, OffsetDateTime.class);
      double age = oldest == null ? 0 : Duration.between(oldest, now).toMillis() / 1000.0;
      return new Lag(pending, Math.max(0, age));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the outbox lag", e);
    }
  }

  /** Scrapes must not hammer the database nor fail: cached briefly, NaN when unreadable. */
  private Lag gaugeLag() {
    long now = System.nanoTime();
    Lag current = cached;
    if (current == null || now - cachedAtNanos > CACHE.toNanos()) {
      try {
        current = lag();
      } catch (RuntimeException e) {
        current = new Lag(-1, Double.NaN);
      }
      cached = current;
      cachedAtNanos = now;
    }
    return current;
  }
}
