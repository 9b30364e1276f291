package org.passerelle.commons.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.commons.events.KafkaClients;
import org.passerelle.commons.fixture.NoteWritten;
import org.passerelle.commons.fixture.NoteWrittenHandler;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.TopicRecords;

/** The outbox and inbox against the real PostgreSQL and the real broker. */
@QuarkusTest
class OutboxInboxTest {

  @Inject Outbox outbox;
  @Inject OutboxRelay relay;
  @Inject EntityManager entityManager;
  @Inject KafkaClients kafka;
  @Inject NoteWrittenHandler handler;
  @Inject OutboxMonitor monitor;

  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void committedEventIsSentWithItsEnvelopeAndAppliedOnce() {
    UUID noteId = UUID.randomUUID();
    UUID eventId = publish(noteId, "hello");

    assertThat(relay.relayOnce(ids -> {})).isGreaterThanOrEqualTo(1);

    await().atMost(Duration.ofSeconds(30)).until(() -> effects(noteId) == 1);
    List<ConsumerRecord<String, byte[]>> records = recordsFor(eventId);
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
    assertThat(recordsFor(eventId)).hasSize(2);
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
    assertThat(recordsFor(ids.getFirst())).isEmpty();
    assertThat(effects(noteId)).isZero();
  }

  @Test
  void poisonEventIsRetriedParkedListedAndRedrivenOnceItsCauseIsFixed() {
    handler.cure(false);
    UUID poisonNote = UUID.randomUUID();
    UUID poisonEvent = publish(poisonNote, "poison");
    UUID nextNote = UUID.randomUUID();
    publish(nextNote, "after the poison");
    relay.relayOnce(ids -> {});

    await().atMost(Duration.ofSeconds(30)).until(() -> effects(nextNote) == 1);
    // The poison may sit on another partition than the next note: wait for it to be parked.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> records(NoteWrittenHandler.TOPIC + ".dlq", poisonEvent).size() == 1);
    assertThat(effects(poisonNote)).isZero();
    List<ConsumerRecord<String, byte[]>> parked =
        records(NoteWrittenHandler.TOPIC + ".dlq", poisonEvent);
    assertThat(parked).hasSize(1);
    ConsumerRecord<String, byte[]> letter = parked.getFirst();
    assertThat(IncomingEvent.header(letter, CloudEventHeaders.DLQ_ERROR))
        .contains("cannot apply a poison note");
    assertThat(IncomingEvent.header(letter, CloudEventHeaders.DLQ_ATTEMPTS)).isEqualTo("3");
    assertThat(IncomingEvent.header(letter, CloudEventHeaders.DLQ_TOPIC))
        .isEqualTo(NoteWrittenHandler.TOPIC);
    assertThat(IncomingEvent.header(letter, CloudEventHeaders.DLQ_OFFSET)).matches("[0-9]+");
    assertThat(IncomingEvent.header(letter, CloudEventHeaders.ID))
        .isEqualTo(poisonEvent.toString());

    String deadLetters = "/api/v1/event-consumers/commonstest/dead-letters";
    Api.as("platform-admin")
        .get(deadLetters + "?status=PARKED")
        .then()
        .statusCode(200)
        .body("items.eventId", hasItem(poisonEvent.toString()))
        .body("items.find { it.eventId == '%s' }.status".formatted(poisonEvent), equalTo("PARKED"))
        .body(
            "items.find { it.eventId == '%s' }.topic".formatted(poisonEvent),
            equalTo(NoteWrittenHandler.TOPIC))
        .body(
            "items.find { it.eventId == '%s' }.error".formatted(poisonEvent),
            containsString("cannot apply a poison note"));
    Api.as("platform-admin")
        .get(deadLetters + "/" + poisonEvent)
        .then()
        .statusCode(200)
        .body("data.text", equalTo("poison"))
        .body("attempts", equalTo(3));

    // Only platform administrators; another service's consumer is not here.
    Api.as("country-admin-fr").get(deadLetters).then().statusCode(403);
    Api.as("platform-admin")
        .get(deadLetters + "?status=parked")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    Api.as("platform-admin")
        .get("/api/v1/event-consumers/cohort/dead-letters")
        .then()
        .statusCode(404);
    Api.as("platform-admin")
        .get(deadLetters + "/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");

    // The cause is not fixed yet: the re-drive fails, says why and changes nothing.
    Api.as("platform-admin")
        .post(deadLetters + "/" + poisonEvent + "/redrive")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("cannot apply a poison note"));
    assertThat(effects(poisonNote)).isZero();

    handler.cure(true);
    try {
      Api.as("platform-admin")
          .post(deadLetters + "/" + poisonEvent + "/redrive")
          .then()
          .statusCode(200)
          .body("status", equalTo("REDRIVEN"));
      assertThat(effects(poisonNote)).isEqualTo(1);
      // A second re-drive is harmless: the inbox knows the event.
      Api.as("platform-admin")
          .post(deadLetters + "/" + poisonEvent + "/redrive")
          .then()
          .statusCode(200);
      assertThat(effects(poisonNote)).isEqualTo(1);
      Api.as("platform-admin")
          .get(deadLetters + "?status=PARKED")
          .then()
          .statusCode(200)
          .body("items.eventId", not(hasItem(poisonEvent.toString())));
    } finally {
      handler.cure(false);
    }

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .contains("passerelle_events_parked_total{consumer=\"commonstest-")
        .contains("passerelle_events_retried_total{consumer=\"commonstest-")
        .contains("passerelle_events_redriven_total{consumer=\"commonstest-")
        .containsPattern(
            "passerelle_events_published_total\\{topic=\"commonstest.events\"\\} [1-9]")
        .containsPattern(
            "passerelle_events_consumed_total\\{consumer=\"commonstest-[^}]*outcome=\"applied\"");
  }

  @Test
  void traceOfTheRestCallContinuesInTheConsumer() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String noteId =
        given()
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .contentType("application/json")
            .body("{\"text\":\"traced\",\"colour\":\"RED\",\"priority\":1}")
            .post("/test/notes")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    relay.relayOnce(ids -> {});
    await().atMost(Duration.ofSeconds(30)).until(() -> effects(UUID.fromString(noteId)) == 1);
    String stored =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (String)
                        entityManager
                            .createNativeQuery(
                                "select traceparent from outbox_event where aggregate_id = ?1")
                            .setParameter(1, UUID.fromString(noteId))
                            .getSingleResult());
    // The outbox keeps the REST call's own span (same trace, its own span id)...
    assertThat(stored).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
    // ...and the consumer's effect ran in the same trace.
    String effectTrace =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (String)
                        entityManager
                            .createNativeQuery(
                                "select trace_id from test_effect where note_id = ?1")
                            .setParameter(1, UUID.fromString(noteId))
                            .getSingleResult());
    assertThat(effectTrace).isEqualTo(traceId);
  }

  @Test
  void lagIsReportedInReadinessAndSentRowsAreDeletedAfterTheirRetention() {
    UUID waiting = publish(UUID.randomUUID(), "waiting");
    given()
        .get("/q/health/ready")
        .then()
        .body("checks.find { it.name == 'Outbox relay' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'Outbox relay' }.data.pendingRows", greaterThan(0));
    assertThat(monitor.lag().pendingRows()).isPositive();

    relay.relayOnce(ids -> {});
    assertThat(monitor.lag().pendingRows()).isZero();
    assertThat(monitor.lag().oldestUnsentAgeSeconds()).isZero();
    UUID old = publish(UUID.randomUUID(), "old");
    UUID recent = publish(UUID.randomUUID(), "recent");
    relay.relayOnce(ids -> {});
    UUID unsent = publish(UUID.randomUUID(), "unsent and old");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              entityManager
                  .createNativeQuery(
                      "update outbox_event set sent_at = now() - interval '8 days' where id = ?1")
                  .setParameter(1, old)
                  .executeUpdate();
              entityManager
                  .createNativeQuery(
                      "update outbox_event set created_at = now() - interval '30 days' where id = ?1")
                  .setParameter(1, unsent)
                  .executeUpdate();
            });
    assertThat(monitor.lag().oldestUnsentAgeSeconds()).isGreaterThan(29 * 24 * 3600);

    assertThat(relay.deleteSentBefore(Duration.ofDays(7))).isGreaterThanOrEqualTo(1);

    assertThat(count("select count(*) from outbox_event where id = ?1", old)).isZero();
    assertThat(count("select count(*) from outbox_event where id = ?1", recent)).isOne();
    assertThat(count("select count(*) from outbox_event where id = ?1", waiting)).isOne();
    assertThat(count("select count(*) from outbox_event where id = ?1", unsent)).isOne();
    relay.relayOnce(ids -> {});
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

  private List<ConsumerRecord<String, byte[]>> recordsFor(UUID eventId) {
    return records(NoteWrittenHandler.TOPIC, eventId);
  }

  /** The records on the topic, read to its end, with this ce_id. */
  private List<ConsumerRecord<String, byte[]>> records(String topic, UUID eventId) {
    return TopicRecords.readAll(kafka.bootstrapServers(), topic, Duration.ofSeconds(20)).stream()
        .filter(r -> eventId.toString().equals(IncomingEvent.header(r, CloudEventHeaders.ID)))
        .toList();
  }
}
