package org.passerelle.cohort.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.ExitReason;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.service.ExitCommentEraser;
import org.passerelle.cohort.service.JuryReferenceEraser;
import org.passerelle.cohort.service.LearnerTextEraser;
import org.passerelle.cohort.service.StoredResponseEraser;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;
import org.passerelle.commons.events.KafkaClients;
import org.passerelle.commons.inbox.InboxConsumer;
import org.passerelle.commons.testing.Api;

/**
 * enrollment-service's applicant-erased, through the real broker: staff's exit comments about the
 * person are blanked in every cohort, the exit reason (a code) stays but HEALTH becomes OTHER,
 * others' comments and reasons stay, and a redelivered or repeated event changes nothing more.
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
  void theExitCommentsGoTheReasonsStayButHealth() throws Exception {
    UUID first = Cohorts.running("FR-SEVRAN", 5);
    UUID second = Cohorts.running("FR-CERGY", 5);
    UUID amina = UUID.randomUUID();
    Cohorts.learner(first, amina, LearnerStatus.ACTIVE);
    List<UUID> others = Cohorts.learners(first, LearnerStatus.ACTIVE, 2);
    UUID other = others.getFirst();
    UUID ill = others.getLast();
    withdraw(first, amina, "HEALTH", "Amina B. is in hospital in Bondy");
    withdraw(first, other, "FOUND_JOB", "Hired by the bakery");
    withdraw(first, ill, "HEALTH", "Back problems");
    // she came back in another cohort and left again
    Learners.as("platform-admin")
        .body(
            "{\"learners\": [{\"learnerId\": \"%s\", \"applicationId\": \"%s\"}]}"
                .formatted(amina, Cohorts.application(second, amina)))
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
    // Health is special-category data: the drop-out is still counted, not why.
    assertThat(Learners.existing(first, amina).exitReason).isEqualTo(ExitReason.OTHER);
    assertThat(Learners.existing(second, amina).exitReason).isEqualTo(ExitReason.FAMILY);
    assertThat(Learners.existing(first, amina).version).isEqualTo(versionBefore + 1);
    assertThat(Learners.existing(first, other).exitComment).isEqualTo("Hired by the bakery");
    assertThat(Learners.existing(first, ill).exitReason).isEqualTo(ExitReason.HEALTH);
    Learners.as("platform-admin")
        .get(Learners.path(first, amina))
        .then()
        .statusCode(200)
        .header("ETag", "\"" + (versionBefore + 1) + "\"")
        .body("exitReason", org.hamcrest.Matchers.equalTo("OTHER"))
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

  private static io.restassured.response.ValidatableResponse recordResult(
      UUID cohortId, UUID learnerId, String key, String jury) {
    return Api.as("site-staff-fr")
        .header("Idempotency-Key", key)
        .body(
            """
            {"learnerId": "%s", "outcome": "CERTIFIED", "certifiedOn": "%s",
             "juryReference": "%s"}
            """
                .formatted(learnerId, LocalDate.now(ZoneId.of("Europe/Paris")), jury))
        .post("/api/v1/cohorts/" + cohortId + "/certification-results")
        .then();
  }

  private Object cell(String sql, Object... parameters) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var query = entityManager.createNativeQuery(sql);
              for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
              }
              List<?> rows = query.getResultList();
              return rows.isEmpty() ? null : rows.getFirst();
            });
  }

  @Test
  void theJuryReferenceGoesFromTheResultAndFromTheStoredResponse() throws Exception {
    UUID cohort = Cohorts.running("FR-SEVRAN", 5);
    UUID amina = UUID.randomUUID();
    Cohorts.learner(cohort, amina, LearnerStatus.ACTIVE);
    UUID other = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String aminaKey = "jury-" + UUID.randomUUID();
    String otherKey = "jury-" + UUID.randomUUID();
    String publicId =
        recordResult(cohort, amina, aminaKey, "Jury 12 - Amina B. absente a l'oral")
            .statusCode(201)
            .extract()
            .path("certificate.publicId");
    recordResult(cohort, other, otherKey, "Jury 12 - Karim").statusCode(201);
    long versionBefore =
        ((Number) cell("select version from certification_result where learner_id = ?1", amina))
            .longValue();
    assertThat(
            cell(
                "select count(*) from idempotency_key where idem_key = ?1 and body like '%Amina%'",
                aminaKey))
        .isEqualTo(1L);
    long outboxBefore = CohortOutbox.count(entityManager, cohort.toString());

    erase(UUID.randomUUID(), amina);

    // the result keeps its outcome, date and certificate; the jury's words go, the ETag moves on
    assertThat(cell("select jury_reference from certification_result where learner_id = ?1", amina))
        .isNull();
    assertThat(cell("select outcome from certification_result where learner_id = ?1", amina))
        .isEqualTo("CERTIFIED");
    assertThat(cell("select status from certificate where public_id = ?1", publicId))
        .isEqualTo("VALID");
    Api.as("site-staff-fr")
        .get("/api/v1/cohorts/" + cohort + "/certification-results/" + amina)
        .then()
        .statusCode(200)
        .header("ETag", "\"" + (versionBefore + 1) + "\"")
        .body("juryReference", org.hamcrest.Matchers.nullValue())
        .body("outcome", org.hamcrest.Matchers.equalTo("CERTIFIED"))
        .body("certificate.publicId", org.hamcrest.Matchers.equalTo(publicId));
    // the response kept for retries held them too: gone, so a retry is refused, never replayed
    assertThat(
            Api.count(
                entityManager,
                "select count(*) from idempotency_key where body like '%Amina%'"
                    + " or idem_key = '"
                    + aminaKey
                    + "'"))
        .isZero();
    recordResult(cohort, amina, aminaKey, "Jury 12 - Amina B. absente a l'oral")
        .statusCode(409)
        .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
    // the other learner's result and stored response stay as they were
    assertThat(cell("select jury_reference from certification_result where learner_id = ?1", other))
        .isEqualTo("Jury 12 - Karim");
    recordResult(cohort, other, otherKey, "Jury 12 - Karim")
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("juryReference", org.hamcrest.Matchers.equalTo("Jury 12 - Karim"));
    // nothing is told about it: erasure sends no event from here
    assertThat(CohortOutbox.count(entityManager, cohort.toString())).isEqualTo(outboxBefore);

    // erased again: nothing more changes
    erase(UUID.randomUUID(), amina);
    assertThat(
            ((Number) cell("select version from certification_result where learner_id = ?1", amina))
                .longValue())
        .isEqualTo(versionBefore + 1);
  }

  @Test
  void aBulkEnrolmentsStoredResponseHoldsNoExitCommentToErase() {
    // A learner withdrawn with a comment comes back through a stored bulk enrolment: the seat taken
    // again has its comment cleared, so the response kept for retries holds no staff text.
    UUID cohort = Cohorts.running("FR-SEVRAN", 5);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    withdraw(cohort, learner, "HEALTH", "Sees a doctor in Bondy every week");
    String key = "enrol-" + UUID.randomUUID();
    Learners.as("platform-admin")
        .header("Idempotency-Key", key)
        .body(
            "{\"learners\": [{\"learnerId\": \"%s\", \"applicationId\": \"%s\"}]}"
                .formatted(learner, Cohorts.application(cohort, learner)))
        .post(Learners.path(cohort))
        .then()
        .statusCode(200)
        .body("enrolled[0].exitComment", org.hamcrest.Matchers.nullValue());
    assertThat(cell("select body from idempotency_key where idem_key = ?1", key))
        .asString()
        .contains(learner.toString())
        .doesNotContain("Bondy");
  }

  @Test
  void theExitCommentEraserIsOneOfTheErasersTheHandlerRuns() {
    assertThat(erasers.stream().map(eraser -> eraser.getClass().getName()))
        .anyMatch(name -> name.startsWith(ExitCommentEraser.class.getName()))
        .anyMatch(name -> name.startsWith(JuryReferenceEraser.class.getName()))
        .anyMatch(name -> name.startsWith(StoredResponseEraser.class.getName()));
  }
}
