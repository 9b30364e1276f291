package org.passerelle.enrollment.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.enrollment.testing.Fixtures.APPLICATIONS;
import static org.passerelle.enrollment.testing.Fixtures.body;
import static org.passerelle.enrollment.testing.Fixtures.email;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.events.KafkaClients;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.EventSchemas;
import org.passerelle.enrollment.testing.Fixtures;

/**
 * cohort-service's learner events through the real broker, kept in step with the applications: only
 * the seat's own learner enrols an application, and only into an intake it may follow; an enrolled
 * application follows its seat; a learner staff withdrew ends their application.
 */
@QuarkusTest
class SeatEventsInStepTest {

  static final String ENROLLED = "org.passerelle.cohort.learner-enrolled.v1";
  static final String TRANSFERRED = "org.passerelle.cohort.learner-transferred.v1";
  static final String WITHDREW = "org.passerelle.cohort.learner-withdrew.v1";

  @Inject EntityManager entityManager;
  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  private UUID sevran;
  private UUID cergy;

  @BeforeEach
  void intakes() {
    sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    cergy = Fixtures.openIntake(entityManager, "FR-CERGY");
  }

  private String submit(UUID intake, String site, String email) {
    return Api.as("country-admin-fr")
        .body(body(intake, site, email))
        .post(APPLICATIONS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private String accepted(String email) {
    String id = submit(sevran, "FR-SEVRAN", email);
    for (String action : List.of("screen", "accept")) {
      Api.as("country-admin-fr")
          .post(APPLICATIONS + "/" + id + "/" + action)
          .then()
          .statusCode(200);
    }
    return id;
  }

  private Object column(String column, String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createNativeQuery("select " + column + " from application where id = ?1")
                    .setParameter(1, UUID.fromString(id))
                    .getSingleResult());
  }

  private String status(String id) {
    return (String) column("status", id);
  }

  private UUID intake(String id) {
    return (UUID) column("intake_id", id);
  }

  private UUID learnerOf(String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (UUID)
                    entityManager
                        .createNativeQuery(
                            "select p.learner_id from application a"
                                + " join applicant p on p.id = a.applicant_id where a.id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .getSingleResult());
  }

  @SuppressWarnings("unchecked")
  private List<String> events(String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((List<String>)
                        entityManager
                            .createNativeQuery(
                                "select type from outbox_event where aggregate_id = ?1 order by"
                                    + " seq")
                            .setParameter(1, UUID.fromString(id))
                            .getResultList())
                    .stream()
                        .map(
                            type -> type.replaceAll("^org\\.passerelle\\.enrollment\\.|\\.v1$", ""))
                        .toList());
  }

  /** Sends the event (keyed by the cohort, as cohort-service does) and waits until applied. */
  private void send(UUID eventId, String type, UUID cohortId, String site, String data)
      throws Exception {
    ProducerRecord<String, byte[]> record =
        CohortEventsTest.event(eventId, type, cohortId, site, data);
    try (KafkaProducer<String, byte[]> producer = kafka.producer("enrollment-in-step-test")) {
      producer.send(record).get();
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                Api.count(
                        entityManager,
                        "select count(*) from inbox_event where event_id = '" + eventId + "'")
                    == 1);
  }

  private void enrolled(UUID cohortId, String site, UUID learnerId, String applicationId)
      throws Exception {
    send(
        UUID.randomUUID(),
        ENROLLED,
        cohortId,
        site,
        """
        {"cohortId":"%s","learnerId":"%s","applicationId":"%s","programmeCode":"WEB-DEV",
         "site":"%s","country":"%s","enrolledAt":"2026-11-23T10:00:00Z"}
        """
            .formatted(cohortId, learnerId, applicationId, site, site.substring(0, 2)));
  }

  private static String withdrew(UUID cohortId, UUID learnerId, String applicationId) {
    return """
        {"cohortId":"%s","learnerId":"%s","applicationId":"%s","programmeCode":"WEB-DEV",
         "site":"FR-SEVRAN","country":"FR","exitReason":"FOUND_JOB",
         "withdrawnAt":"2026-11-24T10:00:00Z","beforeStart":true}
        """
        .formatted(cohortId, learnerId, applicationId);
  }

  @Test
  void onlyTheApplicantsOwnSeatInAnIntakeItMayFollowEnrolsTheApplication() throws Exception {
    String email = email();
    String id = accepted(email);
    UUID learner = learnerOf(id);

    // staff typed another learner's id next to this application
    enrolled(sevran, "FR-SEVRAN", UUID.randomUUID(), id);
    // a cohort in another country
    UUID fes = Fixtures.openIntake(entityManager, "MA-FES");
    enrolled(fes, "MA-FES", learner, id);
    // a cohort whose intake the person already applied to
    submit(cergy, "FR-CERGY", email);
    enrolled(cergy, "FR-CERGY", learner, id);

    assertThat(status(id)).isEqualTo("ACCEPTED");
    assertThat(intake(id)).isEqualTo(sevran);
    assertThat(events(id)).containsExactly("application-submitted", "application-accepted");

    enrolled(sevran, "FR-SEVRAN", learner, id);
    assertThat(status(id)).isEqualTo("ENROLLED");
    assertThat(events(id)).endsWith("application-accepted", "application-enrolled");
  }

  @Test
  void anEnrolledApplicationFollowsItsTransferredSeatOnceWhicheverEventComesFirst()
      throws Exception {
    String id = accepted(email());
    UUID learner = learnerOf(id);
    enrolled(sevran, "FR-SEVRAN", learner, id);
    assertThat(status(id)).isEqualTo("ENROLLED");

    // the target's learner-enrolled overtakes the source's learner-transferred
    enrolled(cergy, "FR-CERGY", learner, id);
    assertThat(intake(id)).isEqualTo(cergy);
    assertThat(column("site_code", id)).isEqualTo("FR-CERGY");
    send(
        UUID.randomUUID(),
        TRANSFERRED,
        sevran,
        "FR-SEVRAN",
        """
        {"fromCohortId":"%s","toCohortId":"%s","learnerId":"%s","applicationId":"%s",
         "programmeCode":"WEB-DEV","fromSite":"FR-SEVRAN","toSite":"FR-CERGY","country":"FR",
         "transferredAt":"2026-11-23T10:00:00Z"}
        """
            .formatted(sevran, cergy, learner, id));
    assertThat(intake(id)).isEqualTo(cergy);
    assertThat(status(id)).isEqualTo("ENROLLED");
    assertThat(events(id)).containsOnlyOnce("application-enrolled");
    assertThat(events(id).getLast()).isEqualTo("application-enrolled");
  }

  @Test
  void aLearnerStaffWithdrewEndsTheEnrolledApplicationOnceAndThePersonMayApplyAgain()
      throws Exception {
    String email = email();
    String id = accepted(email);
    UUID learner = learnerOf(id);
    enrolled(sevran, "FR-SEVRAN", learner, id);
    // an enrolled application is no longer the person's to withdraw
    Api.as("country-admin-fr")
        .post(APPLICATIONS + "/" + id + "/withdraw")
        .then()
        .statusCode(409)
        .body("type", org.hamcrest.Matchers.endsWith("illegal-transition"));
    Api.as("country-admin-fr")
        .body(body(sevran, "FR-SEVRAN", email))
        .post(APPLICATIONS)
        .then()
        .statusCode(409);

    // another learner's withdrawal names this application: nothing
    send(UUID.randomUUID(), WITHDREW, sevran, "FR-SEVRAN", withdrew(sevran, UUID.randomUUID(), id));
    assertThat(status(id)).isEqualTo("ENROLLED");

    UUID eventId = UUID.randomUUID();
    send(eventId, WITHDREW, sevran, "FR-SEVRAN", withdrew(sevran, learner, id));
    // redelivered, and the same facts sent again under a new id
    send(eventId, WITHDREW, sevran, "FR-SEVRAN", withdrew(sevran, learner, id));
    send(UUID.randomUUID(), WITHDREW, sevran, "FR-SEVRAN", withdrew(sevran, learner, id));

    assertThat(status(id)).isEqualTo("WITHDRAWN");
    assertThat(events(id))
        .containsExactly(
            "application-submitted",
            "application-accepted",
            "application-enrolled",
            "application-withdrawn");
    Api.as("country-admin-fr")
        .get(APPLICATIONS + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"))
        .body("withdrawalReason", equalTo("FOUND_JOB"))
        .body("decision.reason", equalTo("FOUND_JOB"))
        .body("decision.decidedBy", equalTo("system:cohort-service"));
    assertThat(EventSchemas.assertOutboxValid(dataSource)).isPositive();

    // the person may apply to that intake again
    submit(sevran, "FR-SEVRAN", email);
  }
}
