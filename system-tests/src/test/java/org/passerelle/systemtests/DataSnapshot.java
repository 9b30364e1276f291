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
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What every table of every service's system-test database holds: row count and a digest of the
 * rows (all columns, except the relay's {@code sent_at}, which only says when an event left). Taken
 * when the platform is quiet (no event waiting in an outbox, no consumer behind), so that any
 * difference between two snapshots is a change someone's request made.
 */
record DataSnapshot(Map<String, String> tables) {

  private static final List<String> SERVICES =
      List.of("enrollment", "cohort", "partnership", "placement");

  /** Waits until the platform is quiet, then reads every table. */
  static DataSnapshot takeWhenQuiet() {
    AtomicReference<DataSnapshot> previous = new AtomicReference<>();
    AtomicReference<DataSnapshot> stable = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (unsentEvents() > 0 || consumerLag() > 0) {
                previous.set(null);
                return false;
              }
              DataSnapshot now = read();
              if (now.equals(previous.get())) {
                stable.set(now);
                return true;
              }
              previous.set(now);
              return false;
            });
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

  private static long unsentEvents() throws SQLException {
    long unsent = 0;
    for (String service : SERVICES) {
      try (Connection db = Databases.connect(service, "systest");
          Statement statement = db.createStatement();
          ResultSet rows =
              statement.executeQuery("select count(*) from outbox_event where sent_at is null")) {
        rows.next();
        unsent += rows.getLong(1);
      }
    }
    return unsent;
  }

  /** Events published but not yet handled by the platform's consumer groups. */
  private static long consumerLag() throws ExecutionException, InterruptedException {
    Properties config = new Properties();
    config.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        System.getenv().getOrDefault("PASSERELLE_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
    try (Admin admin = Admin.create(config)) {
      long lag = 0;
      for (String service : SERVICES) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(service + "-systest")
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, OffsetSpec> latest =
            new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        if (latest.isEmpty()) {
          continue;
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends =
            admin
                .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
          if (entry.getValue() == null) {
            continue;
          }
          ListOffsetsResultInfo end = ends.get(entry.getKey());
          if (end != null) {
            lag += Math.max(0, end.offset() - entry.getValue().offset());
          }
        }
      }
      return lag;
    }
  }
}
