package org.passerelle.cohort.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.passerelle.cohort.events.CohortOutbox.ENROLLED;
import static org.passerelle.cohort.events.CohortOutbox.FREED;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.handlers.EnrollmentEvents.Application;
import org.passerelle.cohort.rest.CohortResourceTest;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;
import org.passerelle.commons.events.KafkaClients;
import org.passerelle.commons.inbox.InboxConsumer;
import org.passerelle.commons.testing.Api;

/**
 * enrollment's events about an application whose seat is not in the cohort they name: staff moved
 * or seated it elsewhere before enrollment heard of it. The seat is found by application, never
 * held twice, never held forever.
 */
@QuarkusTest
class SeatsAcrossCohortsTest {

  @Inject KafkaClients kafka;
  @Inject EntityManager entityManager;
  @Inject InboxConsumer inboxConsumer;

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

  private void sendAndAwait(UUID eventId, ProducerRecord<String, byte[]> record) throws Exception {
    try (KafkaProducer<String, byte[]> producer = kafka.producer("cohort-across-test")) {
      producer.send(record).get();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> applied(eventId));
  }

  private void accept(Application application) throws Exception {
    UUID eventId = UUID.randomUUID();
    sendAndAwait(eventId, EnrollmentEvents.accepted(eventId, application));
  }

  private void withdraw(Application application) throws Exception {
    UUID eventId = UUID.randomUUID();
    sendAndAwait(eventId, EnrollmentEvents.withdrawn(eventId, application));
  }

  private static void transfer(String from, String to, UUID learnerId) {
    Learners.as("site-staff-fr")
        .body("{\"toCohortId\": \"" + to + "\", \"learnerIds\": [\"" + learnerId + "\"]}")
        .post(Learners.path(UUID.fromString(from)) + "/transfer")
        .then()
        .statusCode(200);
  }

  @Test
  void aWithdrawalRightAfterATransferFreesTheSeatInTheCohortThatHoldsIt() throws Exception {
    String from = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN", 3);
    String to = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN", 3);
    Application amina = Application.of(from);
    accept(amina);
    transfer(from, to, amina.learnerId());

    // enrollment has not heard of the transfer yet: its withdrawal names the old cohort
    withdraw(amina);

    CohortLearner moved = Learners.existing(UUID.fromString(to), amina.learnerId());
    assertThat(moved.status).isEqualTo(LearnerStatus.WITHDRAWN);
    assertThat(moved.withdrawnAt).isNotNull();
    assertThat(moved.exitReason).isNull();
    assertThat(Learners.existing(UUID.fromString(from), amina.learnerId()).status)
        .isEqualTo(LearnerStatus.TRANSFERRED);
    assertThat(Learners.seatsTaken(UUID.fromString(to))).isZero();
    assertThat(CohortOutbox.events(entityManager, to, FREED))
        .singleElement()
        .satisfies(
            data -> {
              assertThat(data.path("cohortId").asText()).isEqualTo(to);
              assertThat(data.path("seatsLeft").asInt()).isEqualTo(3);
            });

    // redelivered, or the same withdrawal naming the new cohort: nothing more to free
    withdraw(amina);
    withdraw(new Application(amina.applicationId(), amina.learnerId(), to, "FR-SEVRAN"));
    assertThat(CohortOutbox.events(entityManager, to, FREED)).hasSize(1);
  }

  @Test
  void aWithdrawalNamingTheRightApplicationButAnotherLearnerFreesNothing() throws Exception {
    String from = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN", 3);
    String to = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN", 3);
    Application amina = Application.of(from);
    accept(amina);
    transfer(from, to, amina.learnerId());

    withdraw(new Application(amina.applicationId(), UUID.randomUUID(), from, "FR-SEVRAN"));

    assertThat(Learners.existing(UUID.fromString(to), amina.learnerId()).status)
        .isEqualTo(LearnerStatus.ENROLLED);
    assertThat(CohortOutbox.events(entityManager, to, FREED)).isEmpty();
  }

  @Test
  void anAcceptanceForAnApplicationSeatedElsewhereStatesThatSeatAndTakesNoSecond()
      throws Exception {
    String named = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN", 3);
    String holding = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN", 3);
    Application amina = Application.of(named);
    // staff seated the (waitlisted) application in another cohort straight away
    Cohorts.applied(UUID.fromString(named), amina.learnerId(), amina.applicationId());
    Learners.as("site-staff-fr")
        .body(
            "{\"learners\": [{\"learnerId\": \"%s\", \"applicationId\": \"%s\"}]}"
                .formatted(amina.learnerId(), amina.applicationId()))
        .post(Learners.path(UUID.fromString(holding)))
        .then()
        .statusCode(200);

    // then the waitlist of the cohort it named promoted it
    accept(amina);

    assertThat(Learners.rows(UUID.fromString(named))).isEmpty();
    assertThat(Learners.seatsTaken(UUID.fromString(holding))).isEqualTo(1);
    assertThat(CohortOutbox.count(entityManager, named))
        .as("nothing under the named cohort")
        .isEqualTo(1);
    List<JsonNode> enrolled = CohortOutbox.events(entityManager, holding, ENROLLED);
    assertThat(enrolled).hasSize(2);
    assertThat(enrolled.get(1)).isEqualTo(enrolled.get(0));
    assertThat(enrolled.get(1).path("cohortId").asText()).isEqualTo(holding);
    assertThat(enrolled.get(1).path("applicationId").asText())
        .isEqualTo(amina.applicationId().toString());
  }
}
