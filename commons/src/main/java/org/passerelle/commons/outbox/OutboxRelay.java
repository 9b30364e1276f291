package org.passerelle.commons.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.Backoff;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.events.EventMetrics;
import org.passerelle.commons.events.EventsConfig;
import org.passerelle.commons.events.KafkaClients;
import org.postgresql.util.PGInterval;

/**
 * Sends committed outbox rows to Kafka in commit order and marks them sent only once the broker has
 * acknowledged them. A crash between send and mark sends the rows again with the same {@code
 * ce_id}; consumers' inboxes drop the repeat. One instance relays at a time (a PostgreSQL advisory
 * lock), so per-aggregate order holds with several instances.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final long RELAY_LOCK = 0x7061737365726c6cL; // "passerll"

  /** How long closing the producer may wait for records in flight before aborting the rest. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  /**
   * Far beyond the relay's own wait (at most half of it): the Kafka client must never expire a
   * batch by itself, because the batches behind an expired one would still be written and a
   * partition's order would break (an event applied after its successor). The relay aborts them all
   * together instead.
   */
  static final Duration PRODUCER_DELIVERY_TIMEOUT = Duration.ofMinutes(5);

  /** Called after the broker acknowledged a batch and before it is marked sent (tests). */
  @FunctionalInterface
  public interface BeforeMark {
    void run(List<UUID> sentIds);
  }

  private final DataSource dataSource;
  private final EventsConfig config;
  private final KafkaClients kafka;
  private final EventMetrics metrics;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private boolean pending;
  private volatile boolean running;
  private Thread thread;
  private KafkaProducer<String, byte[]> producer;
  private long nextCleanupNanos;

  OutboxRelay(
      DataSource dataSource, EventsConfig config, KafkaClients kafka, EventMetrics metrics) {
    this.dataSource = dataSource;
    this.config = config;
    this.kafka = kafka;
    this.metrics = metrics;
    this.nextCleanupNanos = System.nanoTime();
    checkTiming(config.relay().acknowledgementWait());
  }

  /** Refuses an acknowledgement wait the Kafka client could outlast (see the delivery timeout). */
  static void checkTiming(Duration acknowledgementWait) {
    if (acknowledgementWait.isNegative()
        || acknowledgementWait.isZero()
        || acknowledgementWait
                .plus(CLOSE_GRACE)
                .multipliedBy(2)
                .compareTo(PRODUCER_DELIVERY_TIMEOUT)
            > 0) {
      throw new IllegalStateException(
          "passerelle.events.relay.acknowledgement-wait must be positive and at most "
              + PRODUCER_DELIVERY_TIMEOUT.dividedBy(2).minus(CLOSE_GRACE)
              + ", was "
              + acknowledgementWait);
    }
  }

  void start(@Observes StartupEvent event) {
    if (!config.relay().enabled()) {
      return;
    }
    running = true;
    thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    wakeUp();
    if (thread != null) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeProducer();
  }

  /** A transaction with outbox rows committed: relay now rather than at the next poll. */
  public void wakeUp() {
    lock.lock();
    try {
      pending = true;
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    Backoff backoff = new Backoff(config.relay().initialBackoff(), config.relay().maxBackoff());
    while (running) {
      try {
        int sent = relayOnce(ids -> {});
        backoff.reset();
        // A batch that was not full took every row committed before it was read; a commit since
        // then has woken the relay up (pending). Reading again at once would mostly find nothing,
        // at the cost of a transaction per batch.
        if (sent < config.relay().batchSize()) {
          cleanUpWhenDue();
          awaitWork(config.relay().idlePoll());
        }
      } catch (RuntimeException | Error e) {
        LOG.warnf("outbox relay failed, retrying in %s: %s", backoff.current(), e.toString());
        closeProducer();
        backoff.pause();
      }
    }
  }

  /**
   * Sends one batch of unsent rows; returns how many were sent and marked. Throws when the broker
   * did not acknowledge them all, leaving every row of the batch unsent.
   */
  public synchronized int relayOnce(BeforeMark beforeMark) {
    List<Row> sent =
        QuarkusTransaction.requiringNew()
            .timeout(60)
            .call(
                () -> {
                  try (Connection connection = dataSource.getConnection()) {
                    if (!tryLeadership(connection)) {
                      return List.<Row>of();
                    }
                    List<Row> rows = unsent(connection);
                    if (rows.isEmpty()) {
                      return rows;
                    }
                    send(rows);
                    List<UUID> ids = rows.stream().map(Row::id).toList();
                    beforeMark.run(ids);
                    markSent(connection, ids);
                    return rows;
                  } catch (SQLException e) {
                    throw new IllegalStateException("outbox relay database error", e);
                  }
                });
    // Counted once committed: a batch rolled back is sent again and must not count twice.
    sent.stream()
        .collect(Collectors.groupingBy(Row::topic))
        .forEach((topic, rows) -> metrics.published(topic, rows.size()));
    return sent.size();
  }

  private void cleanUpWhenDue() {
    long now = System.nanoTime();
    if (now - nextCleanupNanos < 0) {
      return;
    }
    nextCleanupNanos = now + config.relay().cleanupInterval().toNanos();
    try {
      int deleted = deleteSentBefore(config.relay().retention());
      if (deleted > 0) {
        LOG.infof("deleted %d sent outbox rows older than %s", deleted, config.relay().retention());
      }
    } catch (RuntimeException e) {
      LOG.warnf("outbox cleanup failed, will retry: %s", e.toString());
    }
  }

  /**
   * Deletes rows the broker acknowledged more than {@code retention} ago, in small transactions so
   * that a large backlog never holds long locks; never an unsent row. Returns how many went.
   */
  public int deleteSentBefore(Duration retention) {
    int total = 0;
    int deleted;
    do {
      deleted =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    try (Connection connection = dataSource.getConnection();
                        PreparedStatement statement =
                            connection.prepareStatement(
                                "delete from outbox_event where id in (select id from outbox_event"
                                    + " where sent_at is not null and sent_at < now() - ?"
                                    + " limit 5000)")) {
                      statement.setObject(1, toInterval(retention));
                      return statement.executeUpdate();
                    } catch (SQLException e) {
                      throw new IllegalStateException("outbox cleanup database error", e);
                    }
                  });
      total += deleted;
    } while (deleted == 5000);
    return total;
  }

  private static PGInterval toInterval(Duration duration) {
    try {
      return new PGInterval(duration.toMillis() / 1000.0 + " seconds");
    } catch (SQLException e) {
      throw new IllegalArgumentException("not an interval: " + duration, e);
    }
  }

  private static boolean tryLeadership(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
      statement.setLong(1, RELAY_LOCK);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private List<Row> unsent(Connection connection) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select id, topic, aggregate_id, type, source, country, site, traceparent,"
                + " data::text, created_at from outbox_event where sent_at is null"
                + " order by seq limit ?")) {
      statement.setInt(1, config.relay().batchSize());
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(
              new Row(
                  result.getObject(1, UUID.class),
                  result.getString(2),
                  result.getObject(3, UUID.class),
                  result.getString(4),
                  result.getString(5),
                  result.getString(6),
                  result.getString(7),
                  result.getString(8),
                  result.getString(9),
                  result.getObject(10, OffsetDateTime.class)));
        }
      }
    }
    return rows;
  }

  /**
   * Sends the rows and waits for the broker to acknowledge every one. A record the client refuses
   * at once stops the sending; on any failure the producer is closed before the batch is given up,
   * which aborts every record it still holds. So nothing behind a failed record can reach the log
   * before that record is sent again, in order, by a new producer (seen in EventBackboneFaultTest:
   * a producer created while the broker was down refused a cohort's version 10 for want of
   * metadata, then wrote versions 11 to 14 once the broker was back).
   */
  private void send(List<Row> rows) {
    KafkaProducer<String, byte[]> current = producer();
    List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
    long deadline = System.nanoTime() + config.relay().acknowledgementWait().toNanos();
    try {
      for (Row row : rows) {
        Future<RecordMetadata> ack = current.send(row.toRecord());
        acks.add(ack);
        if (ack.isDone()) {
          // Refused at once (no metadata yet, a full buffer): send() reports it in the future, not
          // by throwing, and would take the next records once the broker answers again, ahead of
          // this one. Nothing is sent after a refused record.
          ack.get();
        }
      }
      // No flush(): it waits until the client itself gives up on a record, and that is exactly
      // what must not happen (see PRODUCER_DELIVERY_TIMEOUT).
      for (Future<RecordMetadata> ack : acks) {
        ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      closeProducer();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    } catch (Exception e) {
      closeProducer();
      throw new IllegalStateException("broker did not acknowledge an outbox event", e);
    }
  }

  private static void markSent(Connection connection, List<UUID> ids) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "update outbox_event set sent_at = now() where id = any(?) and sent_at is null")) {
      Array array = connection.createArrayOf("uuid", ids.toArray());
      statement.setArray(1, array);
      statement.executeUpdate();
    }
  }

  private synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      producer = kafka.producer(config.service() + "-outbox-relay", PRODUCER_DELIVERY_TIMEOUT);
    }
    return producer;
  }

  private synchronized void closeProducer() {
    if (producer != null) {
      try {
        producer.close(CLOSE_GRACE);
      } catch (RuntimeException e) {
        LOG.debug("closing the relay producer failed", e);
      }
      producer = null;
    }
  }

  private void awaitWork(Duration timeout) {
    lock.lock();
    try {
      if (!pending) {
        work.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      pending = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  private record Row(
      UUID id,
      String topic,
      UUID aggregateId,
      String type,
      String source,
      String country,
      String site,
      String traceparent,
      String data,
      OffsetDateTime createdAt) {

    ProducerRecord<String, byte[]> toRecord() {
      RecordHeaders headers = new RecordHeaders();
      add(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
      add(headers, CloudEventHeaders.ID, id.toString());
      add(headers, CloudEventHeaders.SOURCE, source);
      add(headers, CloudEventHeaders.TYPE, type);
      add(headers, CloudEventHeaders.SUBJECT, aggregateId.toString());
      add(
          headers,
          CloudEventHeaders.TIME,
          createdAt.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT));
      add(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
      add(headers, CloudEventHeaders.COUNTRY, country);
      add(headers, CloudEventHeaders.SITE, site);
      add(headers, CloudEventHeaders.TRACEPARENT, traceparent);
      return new ProducerRecord<>(
          topic, null, aggregateId.toString(), data.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
      if (value != null) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
