package org.passerelle.commons.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.Backoff;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.EventMetrics;
import org.passerelle.commons.events.EventPayloads;
import org.passerelle.commons.events.EventTracing;
import org.passerelle.commons.events.EventsConfig;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.commons.events.KafkaClients;

/**
 * Feeds the service's {@link EventHandler}s from Kafka. Each event is applied in one transaction
 * together with its inbox row, then its offset is committed: a redelivery finds the inbox row and
 * has no second effect. A failing event is retried with backoff, then parked in {@code <topic>.dlq}
 * with the error, and the consumer moves on; nothing is dropped silently.
 */
@ApplicationScoped
public class InboxConsumer {

  private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

  private final Instance<EventHandler> handlerBeans;
  private final Instance<EventConsumer<?>> consumerBeans;
  private final EventPayloads payloads;
  private final Inbox inbox;
  private final KafkaClients kafka;
  private final EventsConfig config;
  private final ObjectMapper mapper;
  private final EventMetrics metrics;
  private final Tracer tracer;
  private final Map<String, Subscription> handlers = new HashMap<>();
  private volatile boolean running;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private KafkaProducer<String, byte[]> deadLetters;
  private Thread thread;

  InboxConsumer(
      @Any Instance<EventHandler> handlerBeans,
      @Any Instance<EventConsumer<?>> consumerBeans,
      Inbox inbox,
      KafkaClients kafka,
      EventsConfig config,
      ObjectMapper mapper,
      EventMetrics metrics,
      Tracer tracer) {
    this.handlerBeans = handlerBeans;
    this.consumerBeans = consumerBeans;
    this.payloads = new EventPayloads(mapper);
    this.inbox = inbox;
    this.kafka = kafka;
    this.config = config;
    this.mapper = mapper;
    this.metrics = metrics;
    this.tracer = tracer;
  }

  void start(@Observes StartupEvent event) {
    for (EventHandler handler : handlerBeans) {
      subscribe(new Subscription(handler.topic(), handler.type(), null, handler::handle));
    }
    for (EventConsumer<?> consumer : consumerBeans) {
      subscribe(typed(consumer));
    }
    if (handlers.isEmpty() || !config.consumer().enabled()) {
      return;
    }
    running = true;
    thread = Thread.ofPlatform().name("inbox-consumer").daemon().start(this::loop);
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (deadLetters != null) {
      deadLetters.close(Duration.ofSeconds(2));
    }
  }

  /**
   * One followed event type: where it arrives, its declaration when the consumer is typed, and how
   * it is applied.
   */
  private record Subscription(
      String topic,
      String type,
      ConsumedEvent<?> declaration,
      java.util.function.Consumer<IncomingEvent> apply) {}

  private void subscribe(Subscription subscription) {
    Subscription previous =
        handlers.put(subscription.topic() + "|" + subscription.type(), subscription);
    if (previous != null) {
      throw new IllegalStateException("two handlers for " + subscription.type());
    }
  }

  private <T extends Record> Subscription typed(EventConsumer<T> consumer) {
    ConsumedEvent<T> declaration = consumer.consumes();
    return new Subscription(
        declaration.topic(),
        declaration.type(),
        declaration,
        event -> consumer.handle(payloads.bind(declaration, event.data()), event));
  }

  /** The events this service's typed consumers declare, in topic and type order. */
  public List<ConsumedEvent<?>> consumed() {
    return handlers.values().stream()
        .map(Subscription::declaration)
        .filter(java.util.Objects::nonNull)
        .sorted(java.util.Comparator.comparing(ConsumedEvent::type))
        .<ConsumedEvent<?>>map(declaration -> declaration)
        .toList();
  }

  /** The consumer name in the inbox table, and the Kafka consumer group. */
  public String consumerName() {
    return config.consumer().group().orElse(config.service());
  }

  /** The topics this service follows, whose dead letters it owns. */
  public Set<String> topics() {
    Set<String> topics = new TreeSet<>();
    handlers.values().forEach(handler -> topics.add(handler.topic()));
    return topics;
  }

  private void loop() {
    Backoff backoff =
        new Backoff(config.consumer().initialBackoff(), config.consumer().maxBackoff());
    while (running) {
      try (KafkaConsumer<String, byte[]> current =
          kafka.consumer(consumerName(), consumerName() + "-inbox")) {
        consumer = current;
        current.subscribe(topics());
        while (running) {
          ConsumerRecords<String, byte[]> records = current.poll(Duration.ofMillis(500));
          if (records.isEmpty()) {
            continue;
          }
          Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
          for (ConsumerRecord<String, byte[]> record : records) {
            process(record);
            done.put(
                new TopicPartition(record.topic(), record.partition()),
                new OffsetAndMetadata(record.offset() + 1));
          }
          current.commitSync(done);
          backoff.reset();
        }
      } catch (WakeupException e) {
        // stopping
      } catch (RuntimeException | Error e) {
        // Reconnect from the last committed offsets; the inbox absorbs what comes again.
        LOG.warnf("event consumer failed, reconnecting in %s: %s", backoff.current(), e.toString());
        backoff.pause();
      } finally {
        consumer = null;
      }
    }
  }

  private void process(ConsumerRecord<String, byte[]> record) {
    String type = IncomingEvent.header(record, CloudEventHeaders.TYPE);
    Subscription handler = handlers.get(record.topic() + "|" + type);
    if (handler == null) {
      return; // an event this service does not follow
    }
    Backoff backoff =
        new Backoff(config.consumer().initialBackoff(), config.consumer().maxBackoff());
    RuntimeException last = null;
    for (int attempt = 1; attempt <= config.consumer().maxAttempts() && running; attempt++) {
      try {
        apply(handler, record);
        return;
      } catch (RuntimeException e) {
        last = e;
        if (attempt < config.consumer().maxAttempts()) {
          metrics.retried(record.topic(), consumerName(), type);
        }
        LOG.warnf(
            "event %s (%s) failed, attempt %d of %d: %s",
            IncomingEvent.header(record, CloudEventHeaders.ID),
            type,
            attempt,
            config.consumer().maxAttempts(),
            e.toString());
        if (attempt < config.consumer().maxAttempts()) {
          backoff.pause();
        }
      }
    }
    if (!running) {
      throw new IllegalStateException("stopping before the event was applied");
    }
    if (!inbox.reachable()) {
      // The database is down, not the event: keep it, reconnect and try again later.
      throw new IllegalStateException("database unreachable; event kept for retry", last);
    }
    park(record, last);
    metrics.parked(record.topic(), consumerName(), type);
  }

  /**
   * Applies the event with its inbox row in one transaction, inside a consumer span continuing the
   * producer's trace; returns false when it had been applied before.
   */
  private boolean apply(Subscription handler, ConsumerRecord<String, byte[]> record) {
    String type = IncomingEvent.header(record, CloudEventHeaders.TYPE);
    Span span =
        tracer
            .spanBuilder(record.topic() + " process")
            .setParent(
                EventTracing.parent(IncomingEvent.header(record, CloudEventHeaders.TRACEPARENT)))
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.operation.type", "process")
            .setAttribute("messaging.destination.name", record.topic())
            .setAttribute("messaging.consumer.group.name", consumerName())
            .setAttribute(
                "messaging.message.id", IncomingEvent.header(record, CloudEventHeaders.ID))
            .setAttribute("cloudevents.event_type", type)
            .startSpan();
    Scope scope = span.makeCurrent();
    try {
      boolean applied =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    IncomingEvent event = IncomingEvent.from(record, parse(record.value()));
                    if (!inbox.firstDelivery(consumerName(), event.id(), event.type())) {
                      return false;
                    }
                    handler.apply().accept(event);
                    return true;
                  });
      metrics.consumed(record.topic(), consumerName(), type, !applied);
      return applied;
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      scope.close();
      span.end();
    }
  }

  /** The outcome of re-driving a parked event. */
  public enum Redrive {
    APPLIED,
    ALREADY_APPLIED
  }

  /**
   * Applies a record read back from a dead-letter topic once, as it would have been on its own
   * topic; throws what the handler throws when it still fails. The inbox keeps it exactly-once.
   */
  public Redrive redrive(ConsumerRecord<String, byte[]> parked) {
    ConsumerRecord<String, byte[]> original = DeadLetterHeaders.original(parked);
    String type = IncomingEvent.header(original, CloudEventHeaders.TYPE);
    Subscription handler = handlers.get(original.topic() + "|" + type);
    if (handler == null) {
      throw new IllegalStateException("no handler for " + type + " on " + original.topic());
    }
    boolean applied = apply(handler, original);
    if (applied) {
      metrics.redriven(original.topic(), consumerName(), type);
    }
    return applied ? Redrive.APPLIED : Redrive.ALREADY_APPLIED;
  }

  private JsonNode parse(byte[] value) {
    try {
      return mapper.readTree(value);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("event data is not JSON", e);
    }
  }

  private void park(ConsumerRecord<String, byte[]> record, RuntimeException error) {
    ProducerRecord<String, byte[]> parked =
        new ProducerRecord<>(record.topic() + ".dlq", null, record.key(), record.value());
    record.headers().forEach(header -> parked.headers().add(header));
    String message = error == null ? "unknown" : error.toString();
    if (message.length() > 1000) {
      message = message.substring(0, 1000);
    }
    parked.headers().add(CloudEventHeaders.DLQ_ERROR, message.getBytes(StandardCharsets.UTF_8));
    parked
        .headers()
        .add(CloudEventHeaders.DLQ_CONSUMER, consumerName().getBytes(StandardCharsets.UTF_8));
    parked
        .headers()
        .add(
            CloudEventHeaders.DLQ_ATTEMPTS,
            String.valueOf(config.consumer().maxAttempts()).getBytes(StandardCharsets.UTF_8));
    DeadLetterHeaders.addOrigin(parked, record);
    try {
      deadLetterProducer().send(parked).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parking an event", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not park the event in " + parked.topic(), e);
    }
    LOG.errorf(
        "event %s parked in %s after %d attempts",
        IncomingEvent.header(record, CloudEventHeaders.ID),
        parked.topic(),
        config.consumer().maxAttempts());
  }

  private KafkaProducer<String, byte[]> deadLetterProducer() {
    if (deadLetters == null) {
      deadLetters = kafka.producer(consumerName() + "-dead-letters");
    }
    return deadLetters;
  }
}
