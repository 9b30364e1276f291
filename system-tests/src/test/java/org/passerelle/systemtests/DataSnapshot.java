package org.passerelle.systemtests;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What every table of every service's system-test database holds: row count and a digest of the
 * rows (all columns, except the relay's {@code sent_at}, which only says when an event left). Taken
 * when the platform is quiet (no event waiting in an outbox, no webhook waiting to be sent, no
 * consumer behind), so that any difference between two snapshots is a change someone's request
 * made.
 */
record DataSnapshot(Map<String, String> tables) {

  private static final List<String> SERVICES =
      List.of("enrollment", "cohort", "partnership", "placement");
  private static final List<String> GROUPS =
      SERVICES.stream().map(service -> service + "-systest").toList();

  /** Waits until the platform is quiet, then reads every table. */
  static DataSnapshot takeWhenQuiet() {
    AtomicReference<DataSnapshot> previous = new AtomicReference<>();
    AtomicReference<DataSnapshot> stable = new AtomicReference<>();
    AtomicReference<String> noise = new AtomicReference<>("not checked yet");
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                Map<String, Long> unsent = unsentEvents();
                Map<String, Long> lag = ConsumerGroups.lag(GROUPS);
                if (!unsent.isEmpty() || !lag.isEmpty()) {
                  noise.set("events not yet sent " + unsent + ", consumers behind " + lag);
                  previous.set(null);
                  return false;
                }
                DataSnapshot now = read();
                if (now.equals(previous.get())) {
                  stable.set(now);
                  return true;
                }
                noise.set(
                    previous.get() == null
                        ? "first read"
                        : "tables still changing: " + previous.get().differences(now));
                previous.set(now);
                return false;
              });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "the platform did not become quiet (is something else publishing to the shared"
              + " broker's topics?): "
              + noise.get(),
          e);
    }
    return stable.get();
  }

  /** The tables whose rows differ, with their row counts before and after. */
  List<String> differences(DataSnapshot after) {
    return differences(after, Map.of());
  }

  /**
   * The tables whose rows differ, with their row counts before and after; the tables in {@code
   * growth} must have gained exactly that many rows (only their count is compared).
   */
  List<String> differences(DataSnapshot after, Map<String, Long> growth) {
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> table : tables.entrySet()) {
      String other = after.tables.get(table.getKey());
      long rowsBefore = rows(table.getValue());
      long rowsAfter = other == null ? -1 : rows(other);
      Long allowed = growth.get(table.getKey());
      if (allowed != null) {
        if (rowsAfter - rowsBefore != allowed) {
          changed.add(
              table.getKey()
                  + " (rows "
                  + rowsBefore
                  + " -> "
                  + rowsAfter
                  + ", "
                  + allowed
                  + " new rows expected)");
        }
      } else if (!table.getValue().equals(other)) {
        changed.add(
            table.getKey()
                + " (rows "
                + rowsBefore
                + " -> "
                + (other == null ? "table gone" : rowsAfter)
                + ")");
      }
    }
    for (String table : after.tables.keySet()) {
      if (!tables.containsKey(table)) {
        changed.add(table + " (new table)");
      }
    }
    return changed;
  }

  private static long rows(String state) {
    return Long.parseLong(state.substring(0, state.indexOf(' ')));
  }

  private static DataSnapshot read() {
    Map<String, String> tables = new TreeMap<>();
    for (String service : SERVICES) {
      try (Connection db = Databases.connect(service, "systest");
          Statement statement = db.createStatement()) {
        List<String> names = new ArrayList<>();
        try (ResultSet rows =
            statement.executeQuery(
                "select table_name from information_schema.tables where table_schema = 'public'"
                    + " and table_type = 'BASE TABLE' order by table_name")) {
          while (rows.next()) {
            names.add(rows.getString(1));
          }
        }
        for (String name : names) {
          try (ResultSet digest =
              statement.executeQuery(
                  "select count(*), coalesce(md5(string_agg(r, '|' order by r)), '') from"
                      + " (select (to_jsonb(t) - 'sent_at')::text r from \""
                      + name
                      + "\" t) x")) {
            digest.next();
            tables.put(service + "." + name, digest.getLong(1) + " " + digest.getString(2));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read passerelle_" + service + "_systest", e);
      }
    }
    return new DataSnapshot(tables);
  }

  private static Map<String, Long> unsentEvents() throws SQLException {
    Map<String, Long> unsent = new TreeMap<>();
    for (String service : SERVICES) {
      try (Connection db = Databases.connect(service, "systest");
          Statement statement = db.createStatement();
          ResultSet rows =
              statement.executeQuery("select count(*) from outbox_event where sent_at is null")) {
        rows.next();
        if (rows.getLong(1) > 0) {
          unsent.put(service, rows.getLong(1));
        }
      }
    }
    // enrollment-service's webhooks still to be sent (ADR 0045): sending changes their rows
    try (Connection db = Databases.connect("enrollment", "systest");
        Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select count(*) from webhook_delivery where status = 'PENDING'")) {
      rows.next();
      if (rows.getLong(1) > 0) {
        unsent.put("enrollment webhooks", rows.getLong(1));
      }
    }
    return unsent;
  }
}
