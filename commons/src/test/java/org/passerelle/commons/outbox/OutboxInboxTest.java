package org.passerelle.commons.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.commons.events.KafkaClients;
import org.passerelle.commons.fixture.NoteWritten;
import org.passerelle.commons.fixture.NoteWrittenHandler;

/** The outbox and inbox against the real PostgreSQL and the real broker. */
@QuarkusTest
class OutboxInboxTest {

  @Inject Outbox outbox;
  @Inject OutboxRelay relay;
  @Inject EntityManager entityManager;
  @Inject KafkaClients kafka;

  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void committedEventIsSentWithItsEnvelopeAndAppliedOnce() {
    UUID noteId = UUID.randomUUID();
    UUID eventId = publish(noteId, "hello");

    assertThat(relay.relayOnce(ids -> {})).isGreaterThanOrEqualTo(1);

    await().atMost(Duration.ofSeconds(30)).until(() -> effects(noteId) == 1);
    List<ConsumerRecord<String, byte[]>> records = recordsFor(eventId, 1);
    ConsumerRecord<String, byte[]> record = records.getFirst();
    assertThat(record.key()).isEqualTo(noteId.toString());
    assertThat(IncomingEvent.header(record, CloudEventHeaders.ID)).isEqualTo(eventId.toString());
    assertThat(IncomingEvent.header(record, CloudEventHeaders.TYPE))
        .isEqualTo(NoteWrittenHandler.TYPE);
    assertThat(IncomingEvent.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/commonstest");
    assertThat(IncomingEvent.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(IncomingEvent.header(record, CloudEventHeaders.SUBJECT))
        .isEqualTo(noteId.toString());
    assertThat(IncomingEvent.header(record, CloudEventHeaders.COUNTRY)).isEqualTo("FR");
    assertThat(IncomingEvent.header(record, CloudEventHeaders.SITE)).isEqualTo("FR-SEVRAN");
    assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"text\":\"hello\"");
    assertThat(sentAt(eventId)).isTrue();
  }

  @Test
  void relayStoppedBetweenSendAndMarkSendsAgainButTheEffectHappensOnce() {
    UUID noteId = UUID.randomUUID();
    UUID eventId = publish(noteId, "crash between send and mark");

    assertThatThrownBy(
            () ->
                relay.relayOnce(
                    ids -> {
                      throw new SimulatedCrash();
                    }))
        .isInstanceOf(SimulatedCrash.class);
    assertThat(sentAt(eventId)).as("not marked sent after the crash").isFalse();

    relay.relayOnce(ids -> {});
    assertThat(sentAt(eventId)).isTrue();

    // The broker holds the event twice, with the same ce_id...
    assertThat(recordsFor(eventId, 2)).hasSize(2);
    // ...and the consumer applied it once.
    await().atMost(Duration.ofSeconds(30)).until(() -> effects(noteId) == 1);
    await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
    assertThat(effects(noteId)).isEqualTo(1);
    assertThat(inboxRows(eventId)).isEqualTo(1);
  }

  @Test
  void rolledBackTransactionEmitsNothing() {
    UUID noteId = UUID.randomUUID();
    List<UUID> ids = new ArrayList<>();
    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          ids.add(outbox.publish(note(noteId, "rolled back")));
                          throw new SimulatedCrash();
                        }))
        .isInstanceOf(SimulatedCrash.class);

    relay.relayOnce(sent -> assertThat(sent).doesNotContain(ids.getFirst()));
    assertThat(count("select count(*) from outbox_event where id = ?1", ids.getFirst())).isZero();
    assertThat(recordsFor(ids.getFirst(), 0)).isEmpty();
    assertThat(effects(noteId)).isZero();
  }

  @Test
  void poisonEventIsRetriedThenParkedAndTheConsumerMovesOn() {
    UUID poisonNote = UUID.randomUUID();
    UUID poisonEvent = publish(poisonNote, "poison");
    UUID nextNote = UUID.randomUUID();
    publish(nextNote, "after the poison");
    relay.relayOnce(ids -> {});

    await().atMost(Duration.ofSeconds(30)).until(() -> effects(nextNote) == 1);
    assertThat(effects(poisonNote)).isZero();
    List<ConsumerRecord<String, byte[]>> parked =
        records(NoteWrittenHandler.TOPIC + ".dlq", poisonEvent, 1);
    assertThat(parked).hasSize(1);
    assertThat(IncomingEvent.header(parked.getFirst(), CloudEventHeaders.DLQ_ERROR))
        .contains("cannot apply a poison note");
    assertThat(IncomingEvent.header(parked.getFirst(), CloudEventHeaders.DLQ_ATTEMPTS))
        .isEqualTo("3");
  }

  private UUID publish(UUID noteId, String text) {
    return QuarkusTransaction.requiringNew().call(() -> outbox.publish(note(noteId, text)));
  }

  private static DomainEvent note(UUID noteId, String text) {
    return DomainEvent.v1("note-written", noteId, "FR", "FR-SEVRAN", new NoteWritten(noteId, text));
  }

  private long effects(UUID noteId) {
    return count("select count(*) from test_effect where note_id = ?1", noteId);
  }

  private long inboxRows(UUID eventId) {
    return count("select count(*) from inbox_event where event_id = ?1", eventId);
  }

  private boolean sentAt(UUID eventId) {
    return count("select count(*) from outbox_event where id = ?1 and sent_at is not null", eventId)
        == 1;
  }

  private long count(String sql, UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager.createNativeQuery(sql).setParameter(1, id).getSingleResult())
                    .longValue());
  }

  private List<ConsumerRecord<String, byte[]>> recordsFor(UUID eventId, int expected) {
    return records(NoteWrittenHandler.TOPIC, eventId, expected);
  }

  /** Reads a whole topic from the start and keeps the records with this ce_id. */
  private List<ConsumerRecord<String, byte[]>> records(String topic, UUID eventId, int expected) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        kafka.consumer("commons-test-reader-" + UUID.randomUUID(), "commons-test-reader")) {
      List<TopicPartition> partitions = new ArrayList<>();
      Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(10));
      for (PartitionInfo info : topics.getOrDefault(topic, List.of())) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      if (partitions.isEmpty()) {
        return found;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.currentTimeMillis() + 20_000;
      while (System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
          if (eventId.toString().equals(IncomingEvent.header(record, CloudEventHeaders.ID))) {
            found.add(record);
          }
        }
        boolean atEnd = partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
        if (atEnd && found.size() >= expected) {
          break;
        }
      }
    }
    return found;
  }
}
