package org.passerelle.cohort.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.cohort.events.CohortOutbox.ENROLLED;
import static org.passerelle.cohort.events.CohortOutbox.FREED;
import static org.passerelle.cohort.events.CohortOutbox.UNAVAILABLE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.handlers.EnrollmentEvents.Application;
import org.passerelle.cohort.rest.CohortResourceTest;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.EventPayloads;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.commons.events.KafkaClients;
import org.passerelle.commons.inbox.Inbox;
import org.passerelle.commons.inbox.InboxConsumer;
import org.passerelle.commons.testing.Api;

/**
 * Seats given and taken back from enrollment-service's application-accepted and
 * application-withdrawn, sent through the real broker: never more learners than seats, whatever the
 * concurrency; one seat per learner; the answers in the outbox, keyed by the cohort.
 */
@QuarkusTest
class SeatsTest {

  private static final String COHORTS = "/api/v1/cohorts";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EventPayloads PAYLOADS = new EventPayloads(JSON);

  @Inject KafkaClients kafka;
  @Inject EntityManager entityManager;
  @Inject Inbox inbox;
  @Inject InboxConsumer inboxConsumer;
  @Inject ApplicationAcceptedHandler acceptedHandler;
  @Inject @Any Instance<EventConsumer<?>> consumers;

  private record Seat(UUID learnerId, UUID applicationId, String status, boolean withdrawnAt) {}

  @SuppressWarnings("unchecked")
  private List<Seat> seats(String cohortId) {
    List<Object[]> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            "select learner_id, application_id, status, withdrawn_at is not null"
                                + " from cohort_learner where cohort_id = ?1 order by enrolled_at")
                        .setParameter(1, UUID.fromString(cohortId))
                        .getResultList());
    return rows.stream()
        .map(row -> new Seat((UUID) row[0], (UUID) row[1], (String) row[2], (Boolean) row[3]))
        .toList();
  }

  /** Whether the service's inbox has applied this event (its row commits with the effect). */
  private boolean applied(UUID eventId) {
    return Api.count(
            entityManager,
            "select count(*) from inbox_event where consumer = '"
                + inboxConsumer.consumerName()
                + "' and event_id = '"
                + eventId
                + "'")
        == 1;
  }

  private void send(ProducerRecord<String, byte[]> record) throws Exception {
    try (KafkaProducer<String, byte[]> producer = kafka.producer("cohort-seats-test")) {
      producer.send(record).get();
    }
  }

  /** Sends the acceptance and waits until it is applied. */
  private UUID accept(Application application) throws Exception {
    UUID eventId = UUID.randomUUID();
    send(EnrollmentEvents.accepted(eventId, application));
    await().atMost(Duration.ofSeconds(30)).until(() -> applied(eventId));
    return eventId;
  }

  private UUID withdraw(Application application) throws Exception {
    UUID eventId = UUID.randomUUID();
    send(EnrollmentEvents.withdrawn(eventId, application));
    await().atMost(Duration.ofSeconds(30)).until(() -> applied(eventId));
    return eventId;
  }

  private static long seatsTaken(String cohortId) {
    return Api.as("platform-admin")
        .get(COHORTS + "/" + cohortId)
        .then()
        .statusCode(200)
        .extract()
        .<Integer>path("seatsTaken");
  }

  /**
   * The proof: hundreds of acceptances for a cohort of twenty seats, sent at once through
   * the real broker to several partitions, applied by three consumers of the service's group at the
   * same time, seat exactly twenty.
   */
  @Test
  void threeHundredAcceptancesForTwentySeatsOnSeveralPartitionsAndInstancesSeatExactlyTwenty()
      throws Exception {
    int seatCount = 20;
    int acceptances = 300;
    int senderCount = 4;
    String cohortId = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN", seatCount);
    Api.as("site-staff-fr")
        .post(COHORTS + "/" + cohortId + "/open-recruitment")
        .then()
        .statusCode(200);
    List<Application> applications = new ArrayList<>();
    for (int i = 0; i < acceptances; i++) {
      applications.add(Application.of(cohortId));
    }
    // Two more instances join the service's consumer group: the partitions are split between
    // three consumers, each deciding seats for the same cohort at the same time.
    try (ExtraInstance second =
            new ExtraInstance(
                "cohort-instance-2", kafka, inboxConsumer.consumerName(), consumers, inbox);
        ExtraInstance third =
            new ExtraInstance(
                "cohort-instance-3", kafka, inboxConsumer.consumerName(), consumers, inbox)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !second.assignment().isEmpty() && !third.assignment().isEmpty());

      Set<Integer> partitions = ConcurrentHashMap.newKeySet();
      List<Callable<Void>> senders = new ArrayList<>();
      try (KafkaProducer<String, byte[]> producer = kafka.producer("cohort-seats-test")) {
        int perSender = acceptances / senderCount;
        for (int sender = 0; sender < senderCount; sender++) {
          List<Application> mine =
              applications.subList(sender * perSender, (sender + 1) * perSender);
          senders.add(
              () -> {
                for (Application application : mine) {
                  partitions.add(
                      producer
                          .send(EnrollmentEvents.accepted(UUID.randomUUID(), application))
                          .get()
                          .partition());
                }
                return null;
              });
        }
        ExecutorService pool = Executors.newFixedThreadPool(senders.size());
        try {
          for (Future<Void> sent : pool.invokeAll(senders)) {
            sent.get();
          }
        } finally {
          pool.shutdownNow();
        }
      }
      assertThat(partitions).as("partitions the acceptances went to").hasSizeGreaterThan(1);
      await()
          .atMost(Duration.ofSeconds(240))
          .until(() -> CohortOutbox.count(entityManager, cohortId) >= 2 + acceptances);
      assertThat(second.applied() + third.applied())
          .as("acceptances applied by the extra instances")
          .isPositive();
    }
    // cohort-scheduled, cohort-changed (recruiting), then one answer per acceptance, no more
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertThat(CohortOutbox.count(entityManager, cohortId)).isEqualTo(2 + acceptances);

    List<Seat> seats = seats(cohortId);
    assertThat(seats).hasSize(seatCount).allMatch(seat -> seat.status().equals("ENROLLED"));
    List<JsonNode> enrolled = CohortOutbox.events(entityManager, cohortId, ENROLLED);
    List<JsonNode> unavailable = CohortOutbox.events(entityManager, cohortId, UNAVAILABLE);
    assertThat(enrolled).hasSize(seatCount);
    assertThat(unavailable).hasSize(acceptances - seatCount);
    assertThat(enrolled.stream().map(data -> data.path("learnerId").asText()))
        .containsExactlyInAnyOrderElementsOf(
            seats.stream().map(seat -> seat.learnerId().toString()).toList());
    assertThat(unavailable).allMatch(data -> data.path("reason").asText().equals("FULL"));
    Set<String> answered = new HashSet<>();
    enrolled.forEach(data -> answered.add(data.path("applicationId").asText()));
    unavailable.forEach(data -> answered.add(data.path("applicationId").asText()));
    assertThat(answered)
        .as("each application answered once")
        .containsExactlyInAnyOrderElementsOf(
            applications.stream().map(a -> a.applicationId().toString()).toList());
    JsonNode first = enrolled.get(0);
    assertThat(first.path("cohortId").asText()).isEqualTo(cohortId);
    assertThat(first.path("programmeCode").asText()).isEqualTo("WEB-DEV");
    assertThat(first.path("site").asText()).isEqualTo("FR-SEVRAN");
    assertThat(first.path("country").asText()).isEqualTo("FR");
    assertThat(seatsTaken(cohortId)).isEqualTo(seatCount);
  }

  /**
   * The lock itself, without the broker's pacing: many acceptances for one cohort applied at the
   * same instant, each in its own transaction with its inbox row as the consumer does.
   */
  @Test
  void acceptancesAppliedAtTheSameInstantNeverOverfillTheCohort() throws Exception {
    String cohortId = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN", 3);
    int acceptances = 24;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int i = 0; i < acceptances; i++) {
      ProducerRecord<String, byte[]> sent =
          EnrollmentEvents.accepted(UUID.randomUUID(), Application.of(cohortId));
      ConsumerRecord<String, byte[]> record =
          new ConsumerRecord<>(
              sent.topic(),
              0,
              i,
              0L,
              TimestampType.CREATE_TIME,
              0,
              0,
              sent.key(),
              sent.value(),
              sent.headers(),
              java.util.Optional.empty());
      tasks.add(
          () -> {
            start.await();
            applyAcceptance("seats-test", record);
            return null;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (Callable<Void> task : tasks) {
        done.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Void> result : done) {
        result.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(seats(cohortId)).hasSize(3);
    assertThat(CohortOutbox.events(entityManager, cohortId, ENROLLED)).hasSize(3);
    assertThat(CohortOutbox.events(entityManager, cohortId, UNAVAILABLE))
        .hasSize(acceptances - 3)
        .allMatch(data -> data.path("reason").asText().equals("FULL"));
  }

  /**
   * Staff's bulk enrolments and enrollment-service's acceptances take seats from one capacity:
   * racing on the same cohort, they never seat more than it has. Forty acceptances and ten lists of
   * four learners ask for eighty seats out of twenty, so the cohort ends full, and every seat is
   * accounted for by a learner-enrolled.
   */
  @Test
  void bulkEnrolmentsRacingAcceptancesNeverOverfillTheCohort() throws Exception {
    int seatCount = 20;
    UUID cohortId =
        Cohorts.cohort(
            "FR-SEVRAN",
            "WEB-DEV",
            CohortStatus.RECRUITING,
            seatCount,
            LocalDate.now().plusMonths(2));
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ConsumerRecord<String, byte[]> record =
          consumed(
              EnrollmentEvents.accepted(UUID.randomUUID(), Application.of(cohortId.toString())), i);
      tasks.add(
          () -> {
            start.await();
            applyAcceptance("seats-race-test", record);
            return 0;
          });
    }
    for (int i = 0; i < 10; i++) {
      StringBuilder list = new StringBuilder();
      for (int j = 0; j < 4; j++) {
        UUID learnerId = UUID.randomUUID();
        list.append(j == 0 ? "" : ", ")
            .append(
                "{\"learnerId\": \"%s\", \"applicationId\": \"%s\"}"
                    .formatted(learnerId, Cohorts.application(cohortId, learnerId)));
      }
      String body = "{\"learners\": [" + list + "]}";
      tasks.add(
          () -> {
            start.await();
            return Api.as("site-staff-fr")
                .body(body)
                .post(COHORTS + "/" + cohortId + "/learners")
                .then()
                .extract()
                .statusCode();
          });
    }
    java.util.Collections.shuffle(tasks);
    ExecutorService pool = Executors.newFixedThreadPool(12);
    List<Integer> outcomes = new ArrayList<>();
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (Callable<Integer> task : tasks) {
        done.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Integer> result : done) {
        outcomes.add(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
    long bulkSeated = outcomes.stream().filter(status -> status == 200).count();
    assertThat(outcomes).allMatch(status -> status == 0 || status == 200 || status == 409);
    List<Seat> seats = seats(cohortId.toString());
    assertThat(seats).hasSize(seatCount);
    List<JsonNode> enrolled = CohortOutbox.events(entityManager, cohortId.toString(), ENROLLED);
    List<JsonNode> unavailable =
        CohortOutbox.events(entityManager, cohortId.toString(), UNAVAILABLE);
    assertThat(enrolled).hasSize(seatCount);
    assertThat(enrolled.size() - 4 * bulkSeated)
        .as("acceptances seated")
        .isEqualTo(40 - unavailable.size());
    assertThat(enrolled.stream().map(data -> data.path("learnerId").asText()))
        .containsExactlyInAnyOrderElementsOf(
            seats.stream().map(seat -> seat.learnerId().toString()).toList());
  }

  private static ConsumerRecord<String, byte[]> consumed(
      ProducerRecord<String, byte[]> sent, long offset) {
    return new ConsumerRecord<>(
        sent.topic(),
        0,
        offset,
        0L,
        TimestampType.CREATE_TIME,
        0,
        0,
        sent.key(),
        sent.value(),
        sent.headers(),
        java.util.Optional.empty());
  }

  /**
   * Applies an acceptance the way the service's inbox does, in its own transaction: recorded under
   * {@code consumer}, bound to its record, then handled.
   */
  private void applyAcceptance(String consumer, ConsumerRecord<String, byte[]> record) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              IncomingEvent event = IncomingEvent.from(record, readTree(record.value()));
              assertThat(inbox.firstDelivery(consumer, event.id(), event.type())).isTrue();
              acceptedHandler.handle(
                  PAYLOADS.bind(ConsumedEvents.APPLICATION_ACCEPTED, event.data()), event);
            });
  }

  private static JsonNode readTree(byte[] value) {
    try {
      return JSON.readTree(new String(value, StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aRedeliveredOrRepeatedAcceptanceGivesNoSecondSeat() throws Exception {
    String cohortId = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN", 2);
    Application amina = Application.of(cohortId);
    UUID first = accept(amina);
    send(EnrollmentEvents.accepted(first, amina)); // the same event, delivered again
    accept(amina); // the same application accepted again: a new event
    List<Seat> seats = seats(cohortId);
    assertThat(seats)
        .containsExactly(new Seat(amina.learnerId(), amina.applicationId(), "ENROLLED", false));
    List<JsonNode> enrolled = CohortOutbox.events(entityManager, cohortId, ENROLLED);
    assertThat(enrolled).hasSize(2);
    assertThat(enrolled.get(1)).isEqualTo(enrolled.get(0)); // the same facts, stated again
    assertThat(enrolled.get(0).path("applicationId").asText())
        .isEqualTo(amina.applicationId().toString());

    accept(Application.of(cohortId)); // the last seat
    accept(Application.of(cohortId)); // full
    accept(amina); // already seated: still enrolled, not "full"
    assertThat(seats(cohortId)).hasSize(2);
    assertThat(CohortOutbox.events(entityManager, cohortId, ENROLLED)).hasSize(4);
    assertThat(CohortOutbox.events(entityManager, cohortId, UNAVAILABLE))
        .singleElement()
        .satisfies(data -> assertThat(data.path("reason").asText()).isEqualTo("FULL"));
    // the redelivered first event was applied once: it had no second answer
    assertThat(CohortOutbox.count(entityManager, cohortId)).isEqualTo(1 + 4 + 1);
  }

  @Test
  void aWithdrawalFreesTheSeatAndSaysHowManyAreLeft() throws Exception {
    String cohortId = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN", 3);
    Application amina = Application.of(cohortId);
    Application bilal = Application.of(cohortId);
    accept(amina);
    accept(bilal);
    assertThat(seatsTaken(cohortId)).isEqualTo(2);

    withdraw(amina);
    assertThat(seatsTaken(cohortId)).isEqualTo(1);
    List<JsonNode> freed = CohortOutbox.events(entityManager, cohortId, FREED);
    assertThat(freed).hasSize(1);
    JsonNode data = freed.get(0);
    assertThat(data.path("cohortId").asText()).isEqualTo(cohortId);
    assertThat(data.path("learnerId").asText()).isEqualTo(amina.learnerId().toString());
    assertThat(data.path("applicationId").asText()).isEqualTo(amina.applicationId().toString());
    assertThat(data.path("site").asText()).isEqualTo("FR-SEVRAN");
    assertThat(data.path("country").asText()).isEqualTo("FR");
    assertThat(data.path("seatsLeft").asInt()).isEqualTo(2);
    assertThat(seats(cohortId))
        .contains(new Seat(amina.learnerId(), amina.applicationId(), "WITHDRAWN", true));

    // nothing more to free: withdrawn again, another application's withdrawal, an unknown cohort
    withdraw(amina);
    withdraw(new Application(UUID.randomUUID(), bilal.learnerId(), cohortId, "FR-SEVRAN"));
    withdraw(Application.of(UUID.randomUUID().toString()));
    assertThat(CohortOutbox.events(entityManager, cohortId, FREED)).hasSize(1);
    assertThat(seatsTaken(cohortId)).isEqualTo(1);

    // accepted again with a new application before the start: the same row holds a seat again
    Application again =
        new Application(UUID.randomUUID(), amina.learnerId(), cohortId, "FR-SEVRAN");
    accept(again);
    assertThat(seats(cohortId))
        .hasSize(2)
        .contains(new Seat(amina.learnerId(), again.applicationId(), "ENROLLED", false));
    assertThat(CohortOutbox.events(entityManager, cohortId, ENROLLED))
        .last()
        .satisfies(
            enrolled ->
                assertThat(enrolled.path("applicationId").asText())
                    .isEqualTo(again.applicationId().toString()));

    // once the cohort runs, a withdrawal no longer frees a seat
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("update cohort set status = 'RUNNING' where id = ?1")
                    .setParameter(1, UUID.fromString(cohortId))
                    .executeUpdate());
    withdraw(bilal);
    assertThat(seats(cohortId))
        .contains(new Seat(bilal.learnerId(), bilal.applicationId(), "ENROLLED", false));
    assertThat(CohortOutbox.events(entityManager, cohortId, FREED)).hasSize(1);
    assertThat(seatsTaken(cohortId)).isEqualTo(2);
  }

  @Test
  void noSeatFromACohortThatIsNotRecruitingOrUnknownAtThatSite() throws Exception {
    String cancelled = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN", 5);
    Api.as("site-staff-fr").post(COHORTS + "/" + cancelled + "/cancel").then().statusCode(200);
    Application late = Application.of(cancelled);
    accept(late);
    assertThat(CohortOutbox.events(entityManager, cancelled, UNAVAILABLE))
        .singleElement()
        .satisfies(
            data -> {
              assertThat(data.path("reason").asText()).isEqualTo("COHORT_NOT_RECRUITING");
              assertThat(data.path("learnerId").asText()).isEqualTo(late.learnerId().toString());
              assertThat(data.path("applicationId").asText())
                  .isEqualTo(late.applicationId().toString());
              assertThat(data.path("site").asText()).isEqualTo("FR-SEVRAN");
              assertThat(data.path("country").asText()).isEqualTo("FR");
            });

    String unknown = UUID.randomUUID().toString();
    accept(new Application(UUID.randomUUID(), UUID.randomUUID(), unknown, "MA-FES"));
    assertThat(CohortOutbox.events(entityManager, unknown, UNAVAILABLE))
        .singleElement()
        .satisfies(
            data -> {
              assertThat(data.path("reason").asText()).isEqualTo("UNKNOWN_COHORT");
              assertThat(data.path("cohortId").asText()).isEqualTo(unknown);
              assertThat(data.path("site").asText()).isEqualTo("MA-FES");
              assertThat(data.path("country").asText()).isEqualTo("MA");
            });

    // a cohort of FR-SEVRAN named by an application at FR-CERGY: unknown there, no seat taken
    String sevran = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN", 5);
    accept(new Application(UUID.randomUUID(), UUID.randomUUID(), sevran, "FR-CERGY"));
    assertThat(CohortOutbox.events(entityManager, sevran, UNAVAILABLE))
        .singleElement()
        .satisfies(
            data -> {
              assertThat(data.path("reason").asText()).isEqualTo("UNKNOWN_COHORT");
              assertThat(data.path("site").asText()).isEqualTo("FR-CERGY");
            });
    assertThat(seats(sevran)).isEmpty();
    assertThat(seats(cancelled)).isEmpty();
  }

  @Test
  void capacityCannotGoBelowTheSeatsTaken() throws Exception {
    String cohortId = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN", 3);
    accept(Application.of(cohortId));
    accept(Application.of(cohortId));
    Api.as("site-staff-fr")
        .header("If-Match", "\"0\"")
        .body("{\"capacity\": 1}")
        .patch(COHORTS + "/" + cohortId)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("capacity"));
    Api.as("site-staff-fr")
        .header("If-Match", "\"0\"")
        .body("{\"capacity\": 2}")
        .patch(COHORTS + "/" + cohortId)
        .then()
        .statusCode(200)
        .body("capacity", equalTo(2))
        .body("seatsTaken", equalTo(2));
    accept(Application.of(cohortId));
    assertThat(seats(cohortId)).hasSize(2);
    Map<String, Long> reasons =
        CohortOutbox.events(entityManager, cohortId, UNAVAILABLE).stream()
            .collect(
                Collectors.groupingBy(data -> data.path("reason").asText(), Collectors.counting()));
    assertThat(reasons).containsExactly(Map.entry("FULL", 1L));
  }
}
