package org.passerelle.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;
import javax.sql.DataSource;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.events.EventTracing;
import org.passerelle.commons.events.EventsConfig;

/**
 * Writes a domain event into the outbox table, inside the caller's transaction: the business change
 * and its event commit together or not at all. {@link OutboxRelay} sends it later.
 */
@ApplicationScoped
public class Outbox {

  /** Marks, in a transaction's resources, that its commit already wakes the relay up. */
  private static final Object WAKE_UP = new Object();

  private final DataSource dataSource;
  private final ObjectMapper mapper;
  private final EventsConfig config;
  private final TransactionSynchronizationRegistry transactions;
  private final OutboxRelay relay;

  Outbox(
      DataSource dataSource,
      ObjectMapper mapper,
      EventsConfig config,
      TransactionSynchronizationRegistry transactions,
      OutboxRelay relay) {
    this.dataSource = dataSource;
    this.mapper = mapper;
    this.config = config;
    this.transactions = transactions;
    this.relay = relay;
  }

  /** Records the event; returns its id, which becomes {@code ce_id}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID publish(DomainEvent event) {
    UUID id = UUID.randomUUID();
    String json;
    try {
      json = mapper.writeValueAsString(event.data());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event data is not serialisable: " + event.name(), e);
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into outbox_event (id, topic, aggregate_id, type, source, country, site,"
                    + " traceparent, data) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as json))")) {
      insert.setObject(1, id);
      insert.setString(2, config.topic());
      insert.setObject(3, event.aggregateId());
      insert.setString(4, event.type(config.typePrefix()));
      insert.setString(5, config.source());
      insert.setString(6, event.country());
      insert.setString(7, event.site());
      insert.setString(8, currentTraceparent());
      insert.setString(9, json);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not write the outbox row", e);
    }
    // One wake-up per transaction, however many events it writes: a second one would only have
    // the relay read the outbox again after it has sent them all.
    if (transactions.getResource(WAKE_UP) == null) {
      transactions.putResource(WAKE_UP, Boolean.TRUE);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
              }
            }
          });
    }
    return id;
  }

  /**
   * Deletes the rows of these aggregates the broker already acknowledged, before their retention
   * ends: e.g. events describing a person who has just been erased. Unsent rows stay, as consumers
   * still need them. Returns how many rows went.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int forgetSent(Collection<UUID> aggregateIds) {
    if (aggregateIds.isEmpty()) {
      return 0;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(
                "delete from outbox_event where sent_at is not null and aggregate_id = any(?)")) {
      delete.setArray(1, connection.createArrayOf("uuid", aggregateIds.toArray()));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not delete sent outbox rows", e);
    }
  }

  /** The span of this request or event handling, else the caller's header as it came. */
  private static String currentTraceparent() {
    String traced = EventTracing.currentTraceparent();
    if (traced != null) {
      return traced;
    }
    if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
      return null;
    }
    CurrentVertxRequest current = Arc.container().instance(CurrentVertxRequest.class).get();
    if (current == null || current.getCurrent() == null) {
      return null;
    }
    String traceparent = current.getCurrent().request().getHeader("traceparent");
    return traceparent != null && traceparent.length() <= 64 ? traceparent : null;
  }
}
