package org.passerelle.commons.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** Remembers which events a consumer has applied, in the transaction of the effect. */
@ApplicationScoped
public class Inbox {

  private final DataSource dataSource;

  Inbox(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Records the event for this consumer; returns false when it was already recorded, in which case
   * the caller must not apply it again.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstDelivery(String consumer, UUID eventId, String eventType) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into inbox_event (consumer, event_id, event_type) values (?, ?, ?)"
                    + " on conflict do nothing")) {
      insert.setString(1, consumer);
      insert.setObject(2, eventId);
      insert.setString(3, eventType);
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not write the inbox row", e);
    }
  }

  /** Which of these events this consumer has applied. */
  public Set<UUID> applied(String consumer, Collection<UUID> eventIds) {
    Set<UUID> applied = new HashSet<>();
    if (eventIds.isEmpty()) {
      return applied;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select event_id from inbox_event where consumer = ? and event_id = any(?)")) {
      select.setString(1, consumer);
      select.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          applied.add(rows.getObject(1, UUID.class));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the inbox", e);
    }
    return applied;
  }

  /** Whether the database answers at all: a failure then is not the event's fault. */
  public boolean reachable() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement ping = connection.prepareStatement("select 1")) {
      ping.execute();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
