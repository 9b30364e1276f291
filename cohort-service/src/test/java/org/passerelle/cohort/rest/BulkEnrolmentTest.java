package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.passerelle.cohort.events.CohortOutbox.ENROLLED;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;

/**
 * Staff seat a list of learners at once: all or nothing under the cohort's lock, learners already
 * seated left alone, withdrawn ones back on their row, a retry answered with the first result.
 */
@QuarkusTest
class BulkEnrolmentTest {

  private static final LocalDate LATER = LocalDate.now().plusMonths(2);

  @Inject EntityManager entityManager;

  record Entry(UUID learnerId, UUID applicationId) {
    static Entry fresh() {
      return new Entry(UUID.randomUUID(), UUID.randomUUID());
    }

    /** A learner with an application to the cohort that enrollment-service announced. */
    static Entry applied(UUID cohortId) {
      UUID learnerId = UUID.randomUUID();
      return new Entry(learnerId, Cohorts.application(cohortId, learnerId));
    }
  }

  static String body(List<Entry> entries) {
    return entries.stream()
        .map(
            entry ->
                "{\"learnerId\": \"%s\", \"applicationId\": \"%s\"}"
                    .formatted(entry.learnerId(), entry.applicationId()))
        .collect(Collectors.joining(", ", "{\"learners\": [", "]}"));
  }

  static ValidatableResponse enrol(String user, UUID cohortId, String key, String body) {
    var request = Learners.as(user).body(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.post(Learners.path(cohortId)).then();
  }

  private long outbox(UUID cohortId) {
    return CohortOutbox.count(entityManager, cohortId.toString());
  }

  @Test
  void aListThatFitsIsSeatedAndTheAlreadySeatedAreLeftAsTheyAre() {
    UUID cohortId = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.RECRUITING, 5, LATER);
    UUID seated = Cohorts.learners(cohortId, LearnerStatus.ENROLLED, 1).getFirst();
    UUID withdrawn = Cohorts.learners(cohortId, LearnerStatus.WITHDRAWN, 1).getFirst();
    CohortLearner seatedBefore = Learners.existing(cohortId, seated);
    CohortLearner withdrawnBefore = Learners.existing(cohortId, withdrawn);
    Entry back = new Entry(withdrawn, Cohorts.application(cohortId, withdrawn));
    Entry amina = Entry.applied(cohortId);
    Entry bilal = Entry.applied(cohortId);
    List<Entry> list =
        List.of(new Entry(seated, Cohorts.application(cohortId, seated)), back, amina, bilal);

    enrol("site-staff-fr", cohortId, null, body(list))
        .statusCode(200)
        .body("cohortId", equalTo(cohortId.toString()))
        .body(
            "enrolled.learnerId",
            equalTo(
                List.of(
                    withdrawn.toString(),
                    amina.learnerId().toString(),
                    bilal.learnerId().toString())))
        .body("enrolled.status", equalTo(List.of("ENROLLED", "ENROLLED", "ENROLLED")))
        .body("alreadySeated.learnerId", equalTo(List.of(seated.toString())))
        .body("alreadySeated[0].applicationId", equalTo(seatedBefore.applicationId.toString()))
        .body("seatsLeft", equalTo(1));

    assertThat(Learners.rows(cohortId)).hasSize(4);
    CohortLearner again = Learners.existing(cohortId, withdrawn);
    assertThat(again.id).as("the withdrawn row is reused").isEqualTo(withdrawnBefore.id);
    assertThat(again.status).isEqualTo(LearnerStatus.ENROLLED);
    assertThat(again.applicationId).isEqualTo(back.applicationId());
    assertThat(again.withdrawnAt).isNull();
    assertThat(again.exitReason).isNull();
    assertThat(again.enrolledAt).isAfter(withdrawnBefore.enrolledAt);
    CohortLearner unchanged = Learners.existing(cohortId, seated);
    assertThat(unchanged.version).isEqualTo(seatedBefore.version);
    assertThat(unchanged.applicationId).isEqualTo(seatedBefore.applicationId);
    assertThat(Learners.existing(cohortId, amina.learnerId()).applicationId)
        .isEqualTo(amina.applicationId());

    List<JsonNode> enrolled = CohortOutbox.events(entityManager, cohortId.toString(), ENROLLED);
    assertThat(enrolled)
        .extracting(data -> data.path("learnerId").asText())
        .containsExactlyInAnyOrder(
            withdrawn.toString(), amina.learnerId().toString(), bilal.learnerId().toString());
    JsonNode first =
        enrolled.stream()
            .filter(data -> data.path("learnerId").asText().equals(amina.learnerId().toString()))
            .findFirst()
            .orElseThrow();
    assertThat(first.path("applicationId").asText()).isEqualTo(amina.applicationId().toString());
    assertThat(first.path("programmeCode").asText()).isEqualTo("WEB-DEV");
    assertThat(first.path("site").asText()).isEqualTo("FR-SEVRAN");
    assertThat(first.path("country").asText()).isEqualTo("FR");
  }

  @Test
  void aListThatDoesNotFitChangesNothingAndSaysHowManySeatsAreLeft() {
    UUID cohortId = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.PLANNED, 4, LATER);
    List<UUID> seated = Cohorts.learners(cohortId, LearnerStatus.ENROLLED, 2);
    UUID withdrawn = Cohorts.learners(cohortId, LearnerStatus.WITHDRAWN, 1).getFirst();
    List<Entry> list = new ArrayList<>();
    // already seated: needs no seat
    list.add(new Entry(seated.get(0), Cohorts.application(cohortId, seated.get(0))));
    list.add(new Entry(withdrawn, Cohorts.application(cohortId, withdrawn)));
    list.add(Entry.applied(cohortId));
    list.add(Entry.applied(cohortId));
    enrol("country-admin-fr", cohortId, null, body(list))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://passerelle.org/problems/conflict"))
        .body("detail", containsString("2"))
        .body("detail", containsString("3"));
    Learners.as("country-admin-fr")
        .header("Accept-Language", "en")
        .body(body(list))
        .post(Learners.path(cohortId))
        .then()
        .statusCode(409)
        .body("detail", equalTo("2 seat(s) left for 3 learner(s): nothing was changed."));
    assertThat(Learners.rows(cohortId)).hasSize(3);
    assertThat(Learners.existing(cohortId, withdrawn).status).isEqualTo(LearnerStatus.WITHDRAWN);
    assertThat(outbox(cohortId)).isZero();

    enrol("country-admin-fr", cohortId, null, body(list.subList(0, 3))).statusCode(200);
    assertThat(Learners.seatsTaken(cohortId)).isEqualTo(4);
    enrol("country-admin-fr", cohortId, null, body(List.of(Entry.applied(cohortId))))
        .statusCode(409)
        .body("detail", containsString("0"));
    assertThat(Learners.seatsTaken(cohortId)).isEqualTo(4);
  }

  @Test
  void intoARunningCohortLearnersAreActiveAtOnceAndNotIntoAFinishedOne() {
    UUID running = Cohorts.running("FR-SEVRAN", 3);
    Entry amina = Entry.applied(running);
    enrol("site-staff-fr", running, null, body(List.of(amina)))
        .statusCode(200)
        .body("enrolled[0].status", equalTo("ACTIVE"))
        .body("enrolled[0].activatedAt", notNullValue());
    CohortLearner row = Learners.existing(running, amina.learnerId());
    assertThat(row.status).isEqualTo(LearnerStatus.ACTIVE);
    assertThat(row.activatedAt).isEqualTo(row.enrolledAt);

    // withdrawn while running, enrolled again: back on the same row, active
    Learners.as("site-staff-fr")
        .body("{\"exitReason\": \"HEALTH\", \"comment\": \"Back in March\"}")
        .post(Learners.path(running, amina.learnerId()) + "/withdraw")
        .then()
        .statusCode(200);
    enrol("site-staff-fr", running, null, body(List.of(amina)))
        .statusCode(200)
        .body("enrolled[0].status", equalTo("ACTIVE"));
    CohortLearner back = Learners.existing(running, amina.learnerId());
    assertThat(back.id).isEqualTo(row.id);
    assertThat(back.exitReason).isNull();
    assertThat(back.exitComment).isNull();
    assertThat(back.withdrawnAt).isNull();

    for (CohortStatus status : List.of(CohortStatus.COMPLETED, CohortStatus.CANCELLED)) {
      UUID finished = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", status, 5, LATER);
      enrol("site-staff-fr", finished, null, body(List.of(Entry.fresh())))
          .statusCode(409)
          .body("detail", containsString(status.name()));
      assertThat(Learners.rows(finished)).isEmpty();
    }
    UUID done = Cohorts.running("FR-SEVRAN", 3);
    UUID completed = Cohorts.learners(done, LearnerStatus.COMPLETED, 1).getFirst();
    enrol(
            "site-staff-fr",
            done,
            null,
            body(List.of(new Entry(completed, Cohorts.application(done, completed)))))
        .statusCode(409);
    assertThat(Learners.existing(done, completed).status).isEqualTo(LearnerStatus.COMPLETED);
  }

  @Test
  void aRetryWithTheSameKeyGetsTheFirstResultAndAResendSeatsNobodyTwice() {
    UUID cohortId = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.RECRUITING, 5, LATER);
    List<Entry> list = List.of(Entry.applied(cohortId), Entry.applied(cohortId));
    String key = "enrol-" + UUID.randomUUID();
    String first =
        enrol("site-staff-fr", cohortId, key, body(list)).statusCode(200).extract().asString();
    enrol("site-staff-fr", cohortId, key, body(list))
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("enrolled.size()", equalTo(2));
    assertThat(
            enrol("site-staff-fr", cohortId, key, body(list))
                .extract()
                .body()
                .jsonPath()
                .getMap(""))
        .isEqualTo(io.restassured.path.json.JsonPath.from(first).getMap(""));
    enrol("site-staff-fr", cohortId, key, body(List.of(Entry.fresh()))).statusCode(422);
    assertThat(CohortOutbox.events(entityManager, cohortId.toString(), ENROLLED)).hasSize(2);

    // sent again without a key: both already seated, nothing more happens
    enrol("site-staff-fr", cohortId, null, body(list))
        .statusCode(200)
        .body("enrolled.size()", equalTo(0))
        .body("alreadySeated.size()", equalTo(2))
        .body("seatsLeft", equalTo(3));
    assertThat(Learners.rows(cohortId)).hasSize(2);
    assertThat(CohortOutbox.events(entityManager, cohortId.toString(), ENROLLED)).hasSize(2);
  }

  @Test
  void badInputIs400AndChangesNothing() {
    UUID cohortId = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.RECRUITING, 200, LATER);
    Entry amina = Entry.fresh();
    List<Entry> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add(Entry.applied(cohortId));
    }
    String[] bad = {
      "{",
      "[]",
      "{}",
      "{\"learners\": null}",
      "{\"learners\": []}",
      "{\"learners\": [null]}",
      "{\"learners\": {}}",
      body(tooMany),
      body(List.of(amina, amina)),
      body(List.of(amina, new Entry(amina.learnerId(), UUID.randomUUID()))),
      body(List.of(amina, new Entry(UUID.randomUUID(), amina.applicationId()))),
      "{\"learners\": [{\"learnerId\": \"not-a-uuid\", \"applicationId\": \"%s\"}]}"
          .formatted(UUID.randomUUID()),
      "{\"learners\": [{\"learnerId\": \"%s\"}]}".formatted(UUID.randomUUID()),
      "{\"learners\": [{\"learnerId\": 5, \"applicationId\": \"%s\"}]}"
          .formatted(UUID.randomUUID()),
      "{\"learners\": [{\"learnerId\": \"%s\", \"applicationId\": \"%s\", \"name\": \"Amina\"}]}"
          .formatted(UUID.randomUUID(), UUID.randomUUID()),
    };
    for (String body : bad) {
      enrol("site-staff-fr", cohortId, null, body)
          .statusCode(400)
          .contentType("application/problem+json");
    }
    enrol("site-staff-fr", cohortId, "x".repeat(201), body(List.of(amina))).statusCode(400);
    enrol("site-staff-fr", UUID.randomUUID(), null, body(List.of(amina))).statusCode(404);
    Learners.as("site-staff-fr")
        .body(body(List.of(amina)))
        .post("/api/v1/cohorts/not-a-uuid/learners")
        .then()
        .statusCode(404);
    assertThat(Learners.rows(cohortId)).isEmpty();
    assertThat(outbox(cohortId)).isZero();
    enrol("site-staff-fr", cohortId, null, body(tooMany.subList(0, 100)))
        .statusCode(200)
        .body("enrolled.size()", equalTo(100));
  }
}
