package org.passerelle.cohort.handlers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.EventPayloads;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.commons.events.KafkaClients;
import org.passerelle.commons.inbox.Inbox;

/**
 * Another instance of cohort-service's consumer, in the test JVM: it joins the service's consumer
 * group, so the broker splits enrollment.events' partitions between it and the service, and applies
 * what it gets the way the service does (inbox row and effect in one transaction, then the commit).
 * Several of them handle one cohort's acceptances at the same time, as scaled-out instances would.
 */
final class ExtraInstance implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, EventConsumer<?>> consumers = new HashMap<>();
  private final Inbox inbox;
  private final String consumerName;
  private final ObjectMapper json = new ObjectMapper();
  private final EventPayloads payloads = new EventPayloads(json);
  private final Thread thread;
  private final AtomicInteger applied = new AtomicInteger();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private volatile boolean running = true;
  private volatile Set<TopicPartition> assignment = Set.of();

  ExtraInstance(
      String name,
      KafkaClients kafka,
      String consumerName,
      Iterable<EventConsumer<?>> consumerBeans,
      Inbox inbox) {
    this.consumer = kafka.consumer(consumerName, name);
    this.consumerName = consumerName;
    this.inbox = inbox;
    for (EventConsumer<?> consumer : consumerBeans) {
      consumers.put(consumer.consumes().topic() + "|" + consumer.consumes().type(), consumer);
    }
    this.thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
  }

  /** The partitions the group gave this instance, as of its last poll. */
  Set<TopicPartition> assignment() {
    return assignment;
  }

  /** How many events this instance applied (not counting those another had applied first). */
  int applied() {
    return applied.get();
  }

  private void loop() {
    try {
      consumer.subscribe(List.of(EnrollmentEvents.TOPIC));
      while (running) {
        var records = consumer.poll(Duration.ofMillis(200));
        assignment = Set.copyOf(consumer.assignment());
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
          apply(record);
          done.put(
              new TopicPartition(record.topic(), record.partition()),
              new OffsetAndMetadata(record.offset() + 1));
        }
        if (!done.isEmpty()) {
          consumer.commitSync(done);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      failure.set(e);
    } finally {
      consumer.close();
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    EventConsumer<?> consumer =
        consumers.get(record.topic() + "|" + IncomingEvent.header(record, CloudEventHeaders.TYPE));
    if (consumer == null) {
      return;
    }
    RuntimeException last = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        boolean first =
            QuarkusTransaction.requiringNew()
                .call(
                    () -> {
                      IncomingEvent event = IncomingEvent.from(record, parse(record.value()));
                      if (!inbox.firstDelivery(consumerName, event.id(), event.type())) {
                        return false;
                      }
                      apply(consumer, event);
                      return true;
                    });
        if (first) {
          applied.incrementAndGet();
        }
        return;
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw last;
  }

  /** Binds the data as the service's inbox does, then applies it. */
  private <T extends Record> void apply(EventConsumer<T> consumer, IncomingEvent event) {
    consumer.handle(payloads.bind(consumer.consumes(), event.data()), event);
  }

  private com.fasterxml.jackson.databind.JsonNode parse(byte[] value) {
    try {
      return json.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Leaves the group; throws what the instance failed with, if anything. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while the extra instance stopped", e);
    }
    RuntimeException failed = failure.get();
    if (failed != null) {
      throw new AssertionError("the extra instance failed", failed);
    }
  }
}
