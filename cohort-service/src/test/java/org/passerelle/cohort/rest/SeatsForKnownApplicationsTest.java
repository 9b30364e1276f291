package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.rest.BulkEnrolmentTest.Entry;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.events.KafkaClients;

/**
 * Staff seat a learner only with an application enrollment-service announced as theirs, in the
 * cohort's country: a made-up learner, an application nobody announced, or one of another country
 * gets 422 naming the field, and no seat and no learner-enrolled for anyone in the list.
 */
@QuarkusTest
class SeatsForKnownApplicationsTest {

  private static final LocalDate LATER = LocalDate.now().plusMonths(2);
  private static final String UNPROCESSABLE = "https://passerelle.org/problems/unprocessable";

  @Inject EntityManager entityManager;
  @Inject KafkaClients kafka;

  private static ValidatableResponse enrol(String lang, UUID cohortId, List<Entry> entries) {
    return Learners.as("country-admin-fr")
        .header("Accept-Language", lang)
        .body(BulkEnrolmentTest.body(entries))
        .post(Learners.path(cohortId))
        .then();
  }

  private void nothingWritten(UUID cohortId) {
    assertThat(Learners.rows(cohortId)).isEmpty();
    assertThat(CohortOutbox.count(entityManager, cohortId.toString())).isZero();
  }

  @Test
  void aMadeUpLearnerWithAnotherLearnersApplicationGetsNoSeat() {
    // the run that found it: an application whose learner had completed, under a made-up learner
    UUID done = Cohorts.running("FR-SEVRAN", 3);
    UUID graduate = Cohorts.learners(done, LearnerStatus.COMPLETED, 1).getFirst();
    CohortLearner before = Learners.existing(done, graduate);
    UUID recruiting = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.RECRUITING, 5, LATER);
    UUID phantom = UUID.randomUUID();
    List<Entry> list = List.of(Entry.applied(recruiting), new Entry(phantom, before.applicationId));

    enrol("en", recruiting, list)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo(UNPROCESSABLE))
        .body("errors", hasSize(1))
        .body("errors[0].field", equalTo("learners[1].learnerId"))
        .body("detail", containsString(before.applicationId.toString()))
        .body("detail", containsString(phantom.toString()));
    enrol("fr", recruiting, list).statusCode(422).body("detail", containsString("candidature"));
    enrol("ar", recruiting, list).statusCode(422).body("detail", containsString("الطلب"));
    nothingWritten(recruiting);

    // nor in the cohort the application belongs to
    Learners.as("country-admin-fr")
        .body(BulkEnrolmentTest.body(List.of(new Entry(phantom, before.applicationId))))
        .post(Learners.path(done))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("learners[0].learnerId"));
    assertThat(Learners.rows(done)).hasSize(1);
    CohortLearner after = Learners.existing(done, graduate);
    assertThat(after.status).isEqualTo(LearnerStatus.COMPLETED);
    assertThat(after.version).isEqualTo(before.version);
    assertThat(CohortOutbox.count(entityManager, done.toString())).isZero();
  }

  @Test
  void anApplicationEnrollmentNeverAnnouncedOrOfAnotherCountryGetsNoSeat() {
    UUID cohortId = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.RECRUITING, 5, LATER);
    Entry unknown = Entry.fresh();
    enrol("en", cohortId, List.of(Entry.applied(cohortId), unknown))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo(UNPROCESSABLE))
        .body("errors[0].field", equalTo("learners[1].applicationId"))
        .body("detail", containsString(unknown.applicationId().toString()));
    // the learner is known, with another application
    UUID known = Cohorts.learners(cohortId, LearnerStatus.WITHDRAWN, 1).getFirst();
    enrol("en", cohortId, List.of(new Entry(known, UUID.randomUUID())))
        .statusCode(422)
        .body("errors[0].field", equalTo("learners[0].applicationId"));
    assertThat(Learners.existing(cohortId, known).status).isEqualTo(LearnerStatus.WITHDRAWN);

    UUID fes = Cohorts.cohort("MA-FES", "WEB-DEV", CohortStatus.RECRUITING, 5, LATER);
    Entry moroccan = Entry.applied(fes);
    enrol("en", cohortId, List.of(moroccan))
        .statusCode(422)
        .body("type", equalTo(UNPROCESSABLE))
        .body("errors[0].field", equalTo("learners[0].applicationId"))
        .body("detail", containsString("FR"));
    assertThat(Learners.rows(cohortId)).hasSize(1);
    assertThat(CohortOutbox.count(entityManager, cohortId.toString())).isZero();
    nothingWritten(fes);
  }

  @Test
  void anApplicationLearnedFromEnrollmentsEventsSeatsItsLearner() throws Exception {
    UUID cohortId = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.RECRUITING, 5, LATER);
    Entry amina = Entry.fresh();
    enrol("en", cohortId, List.of(amina)).statusCode(422);
    nothingWritten(cohortId);

    try (KafkaProducer<String, byte[]> producer = kafka.producer("cohort-test")) {
      producer.send(submitted(amina, cohortId)).get();
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> enrol("en", cohortId, List.of(amina)).extract().statusCode() == 200);
    assertThat(Learners.existing(cohortId, amina.learnerId()).applicationId)
        .isEqualTo(amina.applicationId());
    assertThat(CohortOutbox.events(entityManager, cohortId.toString(), CohortOutbox.ENROLLED))
        .singleElement()
        .satisfies(
            data ->
                assertThat(data.path("learnerId").asText())
                    .isEqualTo(amina.learnerId().toString()));

    // the same application under another learner id is still refused
    enrol("en", cohortId, List.of(new Entry(UUID.randomUUID(), amina.applicationId())))
        .statusCode(422)
        .body("errors[0].field", equalTo("learners[0].learnerId"));
    assertThat(Learners.rows(cohortId)).hasSize(1);
  }

  /** enrollment-service's application-submitted, as it puts it on enrollment.events. */
  private static ProducerRecord<String, byte[]> submitted(Entry entry, UUID cohortId) {
    String data =
        """
        {"applicationId":"%s","learnerId":"%s","cohortId":"%s","site":"FR-SEVRAN","country":"FR",
         "submittedAt":"2026-11-23T10:00:00Z","gender":"FEMALE","ageBand":"18_25"}
        """
            .formatted(entry.applicationId(), entry.learnerId(), cohortId);
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            "enrollment.events",
            entry.applicationId().toString(),
            data.getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"))
        .add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()))
        .add(CloudEventHeaders.SOURCE, bytes("/enrollment"))
        .add(CloudEventHeaders.TYPE, bytes("org.passerelle.enrollment.application-submitted.v1"));
    return record;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
