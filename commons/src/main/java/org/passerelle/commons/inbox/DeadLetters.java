package org.passerelle.commons.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.commons.events.KafkaClients;

/**
 * The events this service's consumer parked, read back from the dead-letter topics of the topics it
 * follows. The dead-letter topic stays the one record of what was parked; whether a parked event
 * has since been applied (re-driven) is what the inbox says, so there is no second state to drift.
 */
@ApplicationScoped
public class DeadLetters {

  /**
   * Reading a dead-letter topic is bounded: it is for a handful of poison events, not a log. The
   * newest records of each partition are the ones read.
   */
  static final int MAX_RECORDS_PER_PARTITION = 5_000;

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

  public enum Status {
    PARKED,
    REDRIVEN
  }

  /** One parked event, as an administrator sees it. */
  public record DeadLetter(
      UUID eventId,
      String type,
      String subject,
      String topic,
      int partition,
      long offset,
      Instant parkedAt,
      String error,
      Integer attempts,
      Status status,
      JsonNode data) {

    /** The same event once a re-drive applied it. */
    public DeadLetter redriven() {
      return new DeadLetter(
          eventId,
          type,
          subject,
          topic,
          partition,
          offset,
          parkedAt,
          error,
          attempts,
          Status.REDRIVEN,
          data);
    }
  }

  private final KafkaClients kafka;
  private final InboxConsumer consumer;
  private final Inbox inbox;
  private final ObjectMapper mapper;

  DeadLetters(KafkaClients kafka, InboxConsumer consumer, Inbox inbox, ObjectMapper mapper) {
    this.kafka = kafka;
    this.consumer = consumer;
    this.inbox = inbox;
    this.mapper = mapper;
  }

  /** Every event this consumer parked, newest first, once each. */
  public List<DeadLetter> list() {
    Map<UUID, ConsumerRecord<String, byte[]>> parked = read();
    Set<UUID> applied = inbox.applied(consumer.consumerName(), parked.keySet());
    List<DeadLetter> letters = new ArrayList<>();
    parked.forEach((id, record) -> letters.add(view(id, record, applied.contains(id))));
    letters.sort(Comparator.comparing(DeadLetter::parkedAt).reversed());
    return letters;
  }

  public Optional<DeadLetter> find(UUID eventId) {
    ConsumerRecord<String, byte[]> record = read().get(eventId);
    if (record == null) {
      return Optional.empty();
    }
    boolean applied = !inbox.applied(consumer.consumerName(), Set.of(eventId)).isEmpty();
    return Optional.of(view(eventId, record, applied));
  }

  /** Applies the parked event again; empty when this consumer never parked it. */
  public Optional<InboxConsumer.Redrive> redrive(UUID eventId) {
    ConsumerRecord<String, byte[]> record = read().get(eventId);
    return record == null ? Optional.empty() : Optional.of(consumer.redrive(record));
  }

  /** The latest parked record of each event this consumer parked. */
  private Map<UUID, ConsumerRecord<String, byte[]>> read() {
    Map<UUID, ConsumerRecord<String, byte[]>> parked = new LinkedHashMap<>();
    if (consumer.topics().isEmpty()) {
      return parked;
    }
    String name = consumer.consumerName();
    // assign() needs no group; a client id of its own keeps concurrent reads apart.
    try (KafkaConsumer<String, byte[]> reader =
        kafka.consumer(
            name + "-dead-letter-reader", name + "-dead-letter-reader-" + UUID.randomUUID())) {
      List<TopicPartition> partitions = new ArrayList<>();
      Map<String, List<PartitionInfo>> topics = reader.listTopics(READ_TIMEOUT);
      for (String topic : consumer.topics()) {
        for (PartitionInfo info : topics.getOrDefault(topic + ".dlq", List.of())) {
          partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
      }
      if (partitions.isEmpty()) {
        return parked;
      }
      reader.assign(partitions);
      Map<TopicPartition, Long> begin = reader.beginningOffsets(partitions, READ_TIMEOUT);
      Map<TopicPartition, Long> end = reader.endOffsets(partitions, READ_TIMEOUT);
      for (TopicPartition partition : partitions) {
        reader.seek(
            partition,
            Math.max(begin.get(partition), end.get(partition) - MAX_RECORDS_PER_PARTITION));
      }
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (!atEnd(reader, partitions, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the dead-letter topics could not be read in time");
        }
        for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
          if (name.equals(IncomingEvent.header(record, CloudEventHeaders.DLQ_CONSUMER))) {
            UUID id = eventId(record);
            if (id != null) {
              parked.put(id, record);
            }
          }
        }
      }
    }
    return parked;
  }

  private static boolean atEnd(
      KafkaConsumer<?, ?> reader, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
    return partitions.stream().allMatch(p -> reader.position(p) >= end.getOrDefault(p, 0L));
  }

  private static UUID eventId(ConsumerRecord<?, ?> record) {
    try {
      return UUID.fromString(IncomingEvent.header(record, CloudEventHeaders.ID));
    } catch (RuntimeException e) {
      return null; // not a CloudEvent: nothing an administrator could re-drive by id
    }
  }

  private DeadLetter view(UUID id, ConsumerRecord<String, byte[]> record, boolean applied) {
    ConsumerRecord<String, byte[]> original = DeadLetterHeaders.original(record);
    String attempts = IncomingEvent.header(record, CloudEventHeaders.DLQ_ATTEMPTS);
    return new DeadLetter(
        id,
        IncomingEvent.header(record, CloudEventHeaders.TYPE),
        IncomingEvent.header(record, CloudEventHeaders.SUBJECT),
        original.topic(),
        original.partition(),
        original.offset(),
        Instant.ofEpochMilli(record.timestamp()),
        IncomingEvent.header(record, CloudEventHeaders.DLQ_ERROR),
        attempts == null || !attempts.matches("[0-9]{1,9}") ? null : Integer.valueOf(attempts),
        applied ? Status.REDRIVEN : Status.PARKED,
        data(record.value()));
  }

  private JsonNode data(byte[] value) {
    if (value == null) {
      return null;
    }
    try {
      return mapper.readTree(value);
    } catch (IOException e) {
      return mapper.getNodeFactory().textNode("(not JSON, " + value.length + " bytes)");
    }
  }
}
