package org.passerelle.cohort.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.ExitReason;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.service.ExitCommentEraser;
import org.passerelle.cohort.service.LearnerTextEraser;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;
import org.passerelle.commons.events.KafkaClients;
import org.passerelle.commons.inbox.InboxConsumer;
import org.passerelle.commons.testing.Api;

/**
 * enrollment-service's applicant-erased, through the real broker: staff's exit comments about the
 * person are blanked in every cohort, the exit reason (a code) stays, others' comments stay, and a
 * redelivered or repeated event changes nothing more.
 */
@QuarkusTest
class ApplicantErasedTest {

  @Inject KafkaClients kafka;
  @Inject EntityManager entityManager;
  @Inject InboxConsumer inboxConsumer;
  @Inject @Any Instance<LearnerTextEraser> erasers;

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
    try (KafkaProducer<String, byte[]> producer = kafka.producer("cohort-erasure-test")) {
      producer.send(record).get();
    }
  }

  private void erase(UUID eventId, UUID learnerId) throws Exception {
    send(EnrollmentEvents.erased(eventId, learnerId, "FR"));
    await().atMost(Duration.ofSeconds(30)).until(() -> applied(eventId));
  }

  private static void withdraw(UUID cohortId, UUID learnerId, String reason, String comment) {
    Learners.as("platform-admin")
        .body("{\"exitReason\": \"" + reason + "\", \"comment\": \"" + comment + "\"}")
        .post(Learners.path(cohortId, learnerId) + "/withdraw")
        .then()
        .statusCode(200);
  }

  @Test
  void theExitCommentsGoTheReasonsStay() throws Exception {
    UUID first = Cohorts.running("FR-SEVRAN", 5);
    UUID second = Cohorts.running("FR-CERGY", 5);
    UUID amina = UUID.randomUUID();
    Cohorts.learner(first, amina, LearnerStatus.ACTIVE);
    UUID other = Cohorts.learners(first, LearnerStatus.ACTIVE, 1).getFirst();
    withdraw(first, amina, "HEALTH", "Amina B. is in hospital in Bondy");
    withdraw(first, other, "FOUND_JOB", "Hired by the bakery");
    // she came back in another cohort and left again
    Learners.as("platform-admin")
        .body(
            "{\"learners\": [{\"learnerId\": \"%s\", \"applicationId\": \"%s\"}]}"
                .formatted(amina, UUID.randomUUID()))
        .post(Learners.path(second))
        .then()
        .statusCode(200);
    withdraw(second, amina, "FAMILY", "Her mother is ill");
    long versionBefore = Learners.existing(first, amina).version;

    UUID eventId = UUID.randomUUID();
    erase(eventId, amina);

    for (UUID cohortId : List.of(first, second)) {
      CohortLearner erased = Learners.existing(cohortId, amina);
      assertThat(erased.exitComment).isNull();
      assertThat(erased.status).isEqualTo(LearnerStatus.WITHDRAWN);
      assertThat(erased.withdrawnAt).isNotNull();
    }
    assertThat(Learners.existing(first, amina).exitReason).isEqualTo(ExitReason.HEALTH);
    assertThat(Learners.existing(second, amina).exitReason).isEqualTo(ExitReason.FAMILY);
    assertThat(Learners.existing(first, amina).version).isEqualTo(versionBefore + 1);
    assertThat(Learners.existing(first, other).exitComment).isEqualTo("Hired by the bakery");
    Learners.as("platform-admin")
        .get(Learners.path(first, amina))
        .then()
        .statusCode(200)
        .header("ETag", "\"" + (versionBefore + 1) + "\"")
        .body("exitReason", org.hamcrest.Matchers.equalTo("HEALTH"))
        .body("exitComment", org.hamcrest.Matchers.nullValue());
    assertThat(
            Api.count(
                entityManager,
                "select count(*) from cohort_learner where exit_comment like '%hospital%'"
                    + " or exit_comment like '%mother%'"))
        .isZero();

    // delivered again (same event), then erased again (a new event): nothing more changes
    send(EnrollmentEvents.erased(eventId, amina, "FR"));
    erase(UUID.randomUUID(), amina);
    assertThat(Learners.existing(first, amina).version).isEqualTo(versionBefore + 1);
    assertThat(Learners.existing(first, other).exitComment).isEqualTo("Hired by the bakery");
    // a learner cohort-service never knew: nothing to do, nothing fails
    erase(UUID.randomUUID(), UUID.randomUUID());
  }

  @Test
  void theExitCommentEraserIsOneOfTheErasersTheHandlerRuns() {
    assertThat(erasers.stream().map(eraser -> eraser.getClass().getName()))
        .anyMatch(name -> name.startsWith(ExitCommentEraser.class.getName()));
  }
}
