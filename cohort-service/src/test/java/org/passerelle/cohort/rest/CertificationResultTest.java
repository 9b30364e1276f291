package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.cohort.rest.Certifications.as;
import static org.passerelle.cohort.rest.Certifications.body;
import static org.passerelle.cohort.rest.Certifications.count;
import static org.passerelle.cohort.rest.Certifications.learnerStatus;
import static org.passerelle.cohort.rest.Certifications.record;
import static org.passerelle.cohort.rest.Certifications.results;
import static org.passerelle.cohort.rest.Certifications.scalar;
import static org.passerelle.cohort.rest.Certifications.today;
import static org.passerelle.cohort.rest.Certifications.update;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.testing.Tokens;

/**
 * Recording juries' results: every outcome, the blocks and date rules, the cohort's and the
 * learner's state machines, idempotency, bad input, reading results back.
 */
@QuarkusTest
class CertificationResultTest {

  @Inject EntityManager entityManager;
  @Inject DataSource dataSource;

  private List<JsonNode> completions(UUID cohortId) {
    return CohortOutbox.events(entityManager, cohortId.toString(), CohortOutbox.LEARNER_COMPLETED);
  }

  private long resultRows(UUID cohortId) {
    return count(
        entityManager, "select count(*) from certification_result where cohort_id = ?1", cohortId);
  }

  private long certificateRows(UUID cohortId) {
    return count(entityManager, "select count(*) from certificate where cohort_id = ?1", cohortId);
  }

  @Test
  void aFullCertificationCompletesTheLearnerIssuesACertificateAndSaysSo() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);

    ExtractableResponse<Response> created =
        record("site-staff-fr", cohort, body(learner, "CERTIFIED", null, today()))
            .statusCode(201)
            .body("cohortId", equalTo(cohort.toString()))
            .body("learnerId", equalTo(learner.toString()))
            .body("outcome", equalTo("CERTIFIED"))
            .body("blocks", contains("BC01", "BC02"))
            .body("certifiedOn", equalTo(today().toString()))
            .body("juryReference", equalTo("JURY-2027-SEVRAN-04"))
            .body("certificate.publicId", matchesPattern("[A-Za-z0-9_-]{32}"))
            .body("certificate.status", equalTo("VALID"))
            .body("certificate.revokedOn", nullValue())
            .extract();
    assertThat(created.header("Location")).endsWith(results(cohort) + "/" + learner);
    String publicId = created.path("certificate.publicId");

    assertThat(learnerStatus(entityManager, cohort, learner)).isEqualTo("COMPLETED");
    Instant completedAt =
        (Instant)
            scalar(
                entityManager,
                "select completed_at from cohort_learner where cohort_id = ?1 and learner_id = ?2",
                cohort,
                learner);
    assertThat(completedAt).isAfter(before.toInstant());
    assertThat(
            scalar(
                entityManager,
                "select recorded_by from certification_result where learner_id = ?1",
                learner))
        .isEqualTo(Tokens.subject("site-staff-fr"));
    assertThat(
            count(
                entityManager,
                "select count(*) from certificate c join certificate_block b"
                    + " on b.certificate_id = c.id where c.public_id = ?1",
                publicId))
        .isEqualTo(2);
    assertThat(
            scalar(
                entityManager,
                "select a.action || ' ' || a.actor from certificate_audit a join certificate c"
                    + " on c.id = a.certificate_id where c.public_id = ?1",
                publicId))
        .isEqualTo("ISSUED " + Tokens.subject("site-staff-fr"));
    // The certificate is found by its public id, not its row id.
    assertThat(
            scalar(
                entityManager, "select id::text from certificate where public_id = ?1", publicId))
        .isNotEqualTo(publicId);

    List<JsonNode> events = completions(cohort);
    assertThat(events).hasSize(1);
    JsonNode event = events.getFirst();
    assertThat(event.path("cohortId").asText()).isEqualTo(cohort.toString());
    assertThat(event.path("learnerId").asText()).isEqualTo(learner.toString());
    assertThat(event.path("applicationId").asText())
        .isEqualTo(
            scalar(
                entityManager,
                "select application_id::text from cohort_learner where learner_id = ?1",
                learner));
    assertThat(event.path("programmeCode").asText()).isEqualTo("WEB-DEV");
    assertThat(event.path("site").asText()).isEqualTo("FR-SEVRAN");
    assertThat(event.path("country").asText()).isEqualTo("FR");
    assertThat(OffsetDateTime.parse(event.path("completedAt").asText()).toInstant())
        .isEqualTo(completedAt);
    JsonNode certification = event.path("certification");
    assertThat(certification.path("outcome").asText()).isEqualTo("CERTIFIED");
    assertThat(certification.path("framework").asText()).isEqualTo("RNCP");
    assertThat(certification.path("code").asText()).isEqualTo("RNCP37674");
    assertThat(certification.path("level").asInt()).isEqualTo(5);
    assertThat(certification.path("blocks").toString()).isEqualTo("[\"BC01\",\"BC02\"]");
    assertThat(certification.path("certifiedOn").asText()).isEqualTo(today().toString());
    // Staff's text stays here.
    assertThat(event.toString()).doesNotContain("JURY-2027-SEVRAN-04");
  }

  @Test
  void aPartialCertificationNamesTheBlocksValidatedInTheProgrammesOrder() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String publicId =
        record(
                "country-admin-fr",
                cohort,
                body(learner, "PARTIALLY_CERTIFIED", List.of("BC02"), today().minusDays(3)))
            .statusCode(201)
            .body("outcome", equalTo("PARTIALLY_CERTIFIED"))
            .body("blocks", contains("BC02"))
            .body("certificate.status", equalTo("VALID"))
            .extract()
            .path("certificate.publicId");
    assertThat(
            scalar(
                entityManager,
                "select string_agg(b.code || ':' || b.title_en, ',' order by b.position)"
                    + " from certificate c join certificate_block b on b.certificate_id = c.id"
                    + " where c.public_id = ?1",
                publicId))
        .isEqualTo("BC02:Develop the back end of a secure web or mobile web application");
    JsonNode certification = completions(cohort).getFirst().path("certification");
    assertThat(certification.path("outcome").asText()).isEqualTo("PARTIALLY_CERTIFIED");
    assertThat(certification.path("blocks").toString()).isEqualTo("[\"BC02\"]");
    assertThat(certification.path("certifiedOn").asText())
        .isEqualTo(today().minusDays(3).toString());
  }

  @Test
  void notCertifiedCompletesTheLearnerWithoutACertificate() {
    UUID cohort =
        Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.COMPLETED, 20, today().minusWeeks(14));
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    record("platform-admin", cohort, body(learner, "NOT_CERTIFIED", List.of(), today()))
        .statusCode(201)
        .body("outcome", equalTo("NOT_CERTIFIED"))
        .body("blocks", empty())
        .body("certificate", nullValue());
    assertThat(learnerStatus(entityManager, cohort, learner)).isEqualTo("COMPLETED");
    assertThat(resultRows(cohort)).isEqualTo(1);
    assertThat(certificateRows(cohort)).isZero();
    JsonNode certification = completions(cohort).getFirst().path("certification");
    assertThat(certification.path("outcome").asText()).isEqualTo("NOT_CERTIFIED");
    assertThat(certification.path("blocks").isEmpty()).isTrue();
    assertThat(certification.path("framework").asText()).isEqualTo("RNCP");
  }

  @Test
  void aProgrammeWithoutARegisteredCodeCertifiesWithANullCode() {
    UUID cohort =
        Cohorts.cohort(
            "MA-FES", "DIGITAL-MARKETING", CohortStatus.RUNNING, 20, today().minusWeeks(20));
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    record("site-staff-ma", cohort, body(learner, "CERTIFIED", null, today().minusDays(1)))
        .statusCode(201);
    JsonNode certification = completions(cohort).getFirst().path("certification");
    assertThat(certification.path("code").isNull()).isTrue();
    assertThat(certification.path("framework").asText()).isEqualTo("MA-CNC");
  }

  @Test
  void blocksAreNamedOnlyForAPartialCertificationAndOnlyTheProgrammesSomeOfThem() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String[][] refused = {
      {"PARTIALLY_CERTIFIED", null, "blocks"},
      {"PARTIALLY_CERTIFIED", "", "blocks"},
      {"PARTIALLY_CERTIFIED", "BC01,BC02", "blocks"},
      {"PARTIALLY_CERTIFIED", "BC02,BC01", "blocks"},
      {"PARTIALLY_CERTIFIED", "BC01,BC01", "blocks"},
      {"PARTIALLY_CERTIFIED", "BC09", "blocks"},
      {"CERTIFIED", "BC01", "blocks"},
      {"CERTIFIED", "BC01,BC02", "blocks"},
      {"NOT_CERTIFIED", "BC01", "blocks"},
    };
    for (String[] attempt : refused) {
      List<String> blocks =
          attempt[1] == null
              ? null
              : attempt[1].isEmpty() ? List.of() : List.of(attempt[1].split(","));
      record("site-staff-fr", cohort, body(learner, attempt[0], blocks, today()))
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(attempt[2]));
    }
    // An empty list for a full certification names no block: accepted.
    record("site-staff-fr", cohort, body(learner, "CERTIFIED", List.of(), today()))
        .statusCode(201)
        .body("blocks", contains("BC01", "BC02"));
    assertThat(resultRows(cohort)).isEqualTo(1);
    assertThat(completions(cohort)).hasSize(1);
  }

  @Test
  void theJurySitsNotBeforeTheStartNorAfterTodayAtTheSite() {
    LocalDate start = today().minusWeeks(4);
    UUID cohort = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.RUNNING, 20, start);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    record("site-staff-fr", cohort, body(learners.get(0), "CERTIFIED", null, start.minusDays(1)))
        .statusCode(400)
        .body("errors[0].field", equalTo("certifiedOn"))
        .body("detail", notNullValue());
    record("site-staff-fr", cohort, body(learners.get(0), "CERTIFIED", null, today().plusDays(1)))
        .statusCode(400)
        .body("errors[0].field", equalTo("certifiedOn"));
    assertThat(resultRows(cohort)).isZero();
    assertThat(learnerStatus(entityManager, cohort, learners.get(0))).isEqualTo("ACTIVE");
    // The first day and today are both fine.
    record("site-staff-fr", cohort, body(learners.get(0), "CERTIFIED", null, start))
        .statusCode(201);
    record("site-staff-fr", cohort, body(learners.get(1), "NOT_CERTIFIED", null, today()))
        .statusCode(201);
    assertThat(resultRows(cohort)).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(CohortStatus.class)
  void resultsAreRecordedOnlyWhileTheCohortRunsOrOnceItCompleted(CohortStatus status) {
    UUID cohort = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", status, 20, today().minusWeeks(4));
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    var response = record("site-staff-fr", cohort, body(learner, "CERTIFIED", null, today()));
    if (status == CohortStatus.RUNNING || status == CohortStatus.COMPLETED) {
      response.statusCode(201);
      assertThat(learnerStatus(entityManager, cohort, learner)).isEqualTo("COMPLETED");
      assertThat(completions(cohort)).hasSize(1);
      return;
    }
    response
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://passerelle.org/problems/conflict"))
        .body("detail", containsString(status.name()));
    assertThat(learnerStatus(entityManager, cohort, learner)).isEqualTo("ACTIVE");
    assertThat(resultRows(cohort)).isZero();
    assertThat(CohortOutbox.count(entityManager, cohort.toString())).isZero();
  }

  @ParameterizedTest
  @EnumSource(LearnerStatus.class)
  void onlyAnActiveLearnerCompletes(LearnerStatus status) {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner;
    if (status == LearnerStatus.TRANSFERRED) {
      learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
      UUID other = Cohorts.running("FR-SEVRAN", 20);
      update(
          entityManager,
          "update cohort_learner set status = 'TRANSFERRED', transferred_to = ?1,"
              + " transferred_at = now() where cohort_id = ?2 and learner_id = ?3",
          other,
          cohort,
          learner);
    } else {
      learner = Cohorts.learners(cohort, status, 1).getFirst();
    }
    var response = record("site-staff-fr", cohort, body(learner, "CERTIFIED", null, today()));
    if (status == LearnerStatus.ACTIVE) {
      response.statusCode(201);
      assertThat(learnerStatus(entityManager, cohort, learner)).isEqualTo("COMPLETED");
      return;
    }
    response
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://passerelle.org/problems/illegal-transition"))
        .body("detail", containsString(status.name()));
    assertThat(learnerStatus(entityManager, cohort, learner)).isEqualTo(status.name());
    assertThat(resultRows(cohort)).isZero();
    assertThat(completions(cohort)).isEmpty();
  }

  @Test
  void aLearnerIsCertifiedOnceAndOnlyInTheirOwnCohort() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    UUID elsewhere =
        Cohorts.learners(Cohorts.running("FR-SEVRAN", 20), LearnerStatus.ACTIVE, 1).getFirst();
    record("site-staff-fr", cohort, body(elsewhere, "CERTIFIED", null, today()))
        .statusCode(422)
        .contentType("application/problem+json");
    record("site-staff-fr", cohort, body(UUID.randomUUID(), "CERTIFIED", null, today()))
        .statusCode(422);
    record("site-staff-fr", cohort, body(learner, "CERTIFIED", null, today())).statusCode(201);
    // A second result, whatever it says, is an illegal transition from COMPLETED.
    record("site-staff-fr", cohort, body(learner, "NOT_CERTIFIED", null, today()))
        .statusCode(409)
        .body("type", equalTo("https://passerelle.org/problems/illegal-transition"));
    assertThat(resultRows(cohort)).isEqualTo(1);
    assertThat(certificateRows(cohort)).isEqualTo(1);
    assertThat(completions(cohort)).hasSize(1);
  }

  @Test
  void retryingWithTheSameIdempotencyKeyReturnsTheFirstResult() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    String key = "jury-" + UUID.randomUUID();
    String body = body(learners.get(0), "CERTIFIED", null, today());
    String first =
        as("site-staff-fr")
            .header("Idempotency-Key", key)
            .body(body)
            .post(results(cohort))
            .then()
            .statusCode(201)
            .extract()
            .path("certificate.publicId");
    as("site-staff-fr")
        .header("Idempotency-Key", key)
        .body(body)
        .post(results(cohort))
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("certificate.publicId", equalTo(first));
    as("site-staff-fr")
        .header("Idempotency-Key", key)
        .body(body(learners.get(1), "CERTIFIED", null, today()))
        .post(results(cohort))
        .then()
        .statusCode(422);
    assertThat(resultRows(cohort)).isEqualTo(1);
    assertThat(certificateRows(cohort)).isEqualTo(1);
    assertThat(completions(cohort)).hasSize(1);
    assertThat(learnerStatus(entityManager, cohort, learners.get(1))).isEqualTo("ACTIVE");
  }

  @Test
  void badInputIs4xxAndChangesNothing() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String today = today().toString();
    String[] bad = {
      "{",
      "[]",
      "null",
      "{}",
      "{\"learnerId\": \""
          + learner
          + "\", \"outcome\": \"CERTIFIED\", \"certifiedOn\": \""
          + today
          + "\"}",
      "{\"learnerId\": \"not-a-uuid\", \"outcome\": \"CERTIFIED\", \"certifiedOn\": \""
          + today
          + "\", \"juryReference\": \"J1\"}",
      "{\"learnerId\": \""
          + learner
          + "\", \"outcome\": \"PASSED\", \"certifiedOn\": \""
          + today
          + "\", \"juryReference\": \"J1\"}",
      "{\"learnerId\": \""
          + learner
          + "\", \"outcome\": \"CERTIFIED\", \"certifiedOn\": \"2027-13-01\", \"juryReference\": \"J1\"}",
      "{\"learnerId\": \""
          + learner
          + "\", \"outcome\": \"CERTIFIED\", \"certifiedOn\": 20270101, \"juryReference\": \"J1\"}",
      "{\"learnerId\": \""
          + learner
          + "\", \"outcome\": \"CERTIFIED\", \"certifiedOn\": \""
          + today
          + "\", \"juryReference\": \"J1\", \"grade\": 18}",
      "{\"learnerId\": \""
          + learner
          + "\", \"outcome\": \"PARTIALLY_CERTIFIED\", \"blocks\": \"BC01\", \"certifiedOn\": \""
          + today
          + "\", \"juryReference\": \"J1\"}",
      "{\"learnerId\": \""
          + learner
          + "\", \"outcome\": \"PARTIALLY_CERTIFIED\", \"blocks\": [null], \"certifiedOn\": \""
          + today
          + "\", \"juryReference\": \"J1\"}",
      body(learner, "PARTIALLY_CERTIFIED", List.of("bc01"), today()),
      body(learner, "PARTIALLY_CERTIFIED", List.of("B".repeat(41)), today()),
      body(learner, "PARTIALLY_CERTIFIED", java.util.Collections.nCopies(51, "BC01"), today()),
      body(learner, "CERTIFIED", null, today(), ""),
      body(learner, "CERTIFIED", null, today(), "   "),
      body(learner, "CERTIFIED", null, today(), "J".repeat(101)),
      body(learner, "CERTIFIED", null, today(), "JURY\\u0000-1"),
      body(learner, "CERTIFIED", null, today(), "JURY\\n2027"),
      body(learner, "CERTIFIED", null, today(), "JURY\\u202e2027"),
    };
    for (String body : bad) {
      as("site-staff-fr")
          .body(body)
          .post(results(cohort))
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    as("site-staff-fr")
        .contentType("text/plain")
        .body(body(learner, "CERTIFIED", null, today()))
        .post(results(cohort))
        .then()
        .statusCode(415);
    as("site-staff-fr")
        .header("Idempotency-Key", "k".repeat(201))
        .body(body(learner, "CERTIFIED", null, today()))
        .post(results(cohort))
        .then()
        .statusCode(400);
    record("site-staff-fr", UUID.randomUUID(), body(learner, "CERTIFIED", null, today()))
        .statusCode(404)
        .contentType("application/problem+json");
    as("site-staff-fr")
        .body(body(learner, "CERTIFIED", null, today()))
        .post("/api/v1/cohorts/not-a-uuid/certification-results")
        .then()
        .statusCode(404);
    assertThat(resultRows(cohort)).isZero();
    assertThat(learnerStatus(entityManager, cohort, learner)).isEqualTo("ACTIVE");
    assertThat(CohortOutbox.count(entityManager, cohort.toString())).isZero();
    // The longest jury reference allowed, with letters of any script, is fine.
    record(
            "site-staff-fr",
            cohort,
            body(learner, "CERTIFIED", null, today(), "Jury n° 7 — لجنة " + "x".repeat(83)))
        .statusCode(201);
  }

  @Test
  void staffReadTheCohortsResultsWithTheirCertificates() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 3);
    String full = Certifications.certify("site-staff-fr", cohort, learners.get(0), "CERTIFIED");
    String partial =
        Certifications.certify("site-staff-fr", cohort, learners.get(1), "PARTIALLY_CERTIFIED");
    Certifications.certify("site-staff-fr", cohort, learners.get(2), "NOT_CERTIFIED");

    as("site-staff-fr")
        .get(results(cohort))
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body(
            "items.learnerId",
            contains(
                learners.get(0).toString(), learners.get(1).toString(), learners.get(2).toString()))
        .body("items.outcome", contains("CERTIFIED", "PARTIALLY_CERTIFIED", "NOT_CERTIFIED"))
        .body("items[0].certificate.publicId", equalTo(full))
        .body("items[1].certificate.publicId", equalTo(partial))
        .body("items[1].blocks", contains("BC02"))
        .body("items[2].certificate", nullValue());
    as("integration-fr")
        .queryParam("outcome", "PARTIALLY_CERTIFIED")
        .get(results(cohort))
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].learnerId", equalTo(learners.get(1).toString()));
    as("site-staff-fr")
        .queryParam("size", 1)
        .queryParam("page", 2)
        .get(results(cohort))
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("items.outcome", contains("NOT_CERTIFIED"));
    as("country-admin-fr")
        .get(results(cohort) + "/" + learners.get(0))
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("outcome", equalTo("CERTIFIED"))
        .body("certificate.publicId", equalTo(full))
        .body("certificate.status", equalTo("VALID"));

    as("site-staff-fr").get(results(cohort) + "/" + UUID.randomUUID()).then().statusCode(404);
    as("site-staff-fr").get(results(cohort) + "/nope").then().statusCode(404);
    as("site-staff-fr").get(results(UUID.randomUUID())).then().statusCode(404);
    as("site-staff-fr").queryParam("outcome", "PASSED").get(results(cohort)).then().statusCode(400);
    as("site-staff-fr").queryParam("size", 101).get(results(cohort)).then().statusCode(400);
    as("site-staff-fr").queryParam("size", 0).get(results(cohort)).then().statusCode(400);
    as("site-staff-fr").queryParam("page", -1).get(results(cohort)).then().statusCode(400);
  }

  @Test
  void integrationsReadResultsWithoutTheJurysReference() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    record(
            "site-staff-fr",
            cohort,
            body(learner, "CERTIFIED", null, today(), "Jury 9 - Mme B. repasse l'oral"))
        .statusCode(201)
        .body("juryReference", equalTo("Jury 9 - Mme B. repasse l'oral"));

    as("integration-fr")
        .get(results(cohort))
        .then()
        .statusCode(200)
        .body("items.learnerId", contains(learner.toString()))
        .body("items[0].outcome", equalTo("CERTIFIED"))
        .body("items[0].certificate.status", equalTo("VALID"))
        .body("items[0].juryReference", nullValue())
        .body(not(containsString("repasse")));
    as("integration-fr")
        .get(results(cohort) + "/" + learner)
        .then()
        .statusCode(200)
        .body("outcome", equalTo("CERTIFIED"))
        .body("juryReference", nullValue())
        .body(not(containsString("repasse")));
    // staff still read it, and it is still kept
    as("country-admin-fr")
        .get(results(cohort))
        .then()
        .body("items[0].juryReference", equalTo("Jury 9 - Mme B. repasse l'oral"));
    as("site-staff-fr")
        .get(results(cohort) + "/" + learner)
        .then()
        .body("juryReference", equalTo("Jury 9 - Mme B. repasse l'oral"));
    assertThat(
            scalar(
                entityManager,
                "select jury_reference from certification_result where learner_id = ?1",
                learner))
        .isEqualTo("Jury 9 - Mme B. repasse l'oral");
  }

  @Test
  void recordingAResultTakesTheCohortsLockFirst() throws Exception {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String token = Tokens.bearer("site-staff-fr");
    try (Connection holder = dataSource.getConnection();
        var pool = Executors.newSingleThreadExecutor()) {
      // Another roll decision (a withdrawal, an attendance day) holds the cohort's lock, as the
      // services take it: "for no key update", which the result's foreign key to the cohort does
      // not wait for, so only the cohort's own lock makes the result wait.
      holder.setAutoCommit(false);
      try (PreparedStatement lock =
          holder.prepareStatement("select id from cohort where id = ? for no key update")) {
        lock.setObject(1, cohort);
        lock.executeQuery().close();
      }
      Future<Integer> recorded =
          pool.submit(
              () ->
                  given()
                      .header("Authorization", token)
                      .contentType("application/json")
                      .body(body(learner, "CERTIFIED", null, today()))
                      .post(results(cohort))
                      .statusCode());
      // The result waits for it: nothing recorded, the learner still active, no event.
      Thread.sleep(1500);
      assertThat(recorded).isNotDone();
      assertThat(resultRows(cohort)).isZero();
      assertThat(learnerStatus(entityManager, cohort, learner)).isEqualTo("ACTIVE");
      assertThat(completions(cohort)).isEmpty();
      holder.rollback();
      assertThat(recorded.get(30, TimeUnit.SECONDS)).isEqualTo(201);
    }
    assertThat(resultRows(cohort)).isEqualTo(1);
    assertThat(learnerStatus(entityManager, cohort, learner)).isEqualTo("COMPLETED");
    assertThat(completions(cohort)).hasSize(1);
  }

  @Test
  void anIssuedCertificateKeepsWhatItCertifiedWhenTheProgrammeChanges() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String publicId =
        Certifications.certify("site-staff-fr", cohort, learner, "PARTIALLY_CERTIFIED");
    String title =
        (String) scalar(entityManager, "select title_en from programme where code = 'WEB-DEV'");
    String blockTitle =
        (String)
            scalar(
                entityManager,
                "select title_en from competency_block where programme_code = 'WEB-DEV' and code = 'BC02'");
    try {
      update(
          entityManager,
          "update programme set title_en = 'Renamed', certification_level = 6 where code = 'WEB-DEV'");
      update(
          entityManager,
          "update competency_block set title_en = 'Renamed block' where programme_code = 'WEB-DEV' and code = 'BC02'");
      io.restassured.RestAssured.given()
          .get(Certifications.certificate(publicId))
          .then()
          .statusCode(200)
          .body("programme.titles.en", equalTo(title))
          .body("certification.level", equalTo(5))
          .body("blocks[0].titles.en", equalTo(blockTitle));
    } finally {
      update(
          entityManager,
          "update programme set title_en = ?1, certification_level = 5 where code = 'WEB-DEV'",
          title);
      update(
          entityManager,
          "update competency_block set title_en = ?1 where programme_code = 'WEB-DEV' and code = 'BC02'",
          blockTitle);
    }
  }

  @Test
  void concurrentResultsForOneLearnerCompleteThemOnce() throws Exception {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String token = Tokens.bearer("site-staff-fr");
    List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String outcome = i % 2 == 0 ? "CERTIFIED" : "NOT_CERTIFIED";
      calls.add(
          () ->
              io.restassured.RestAssured.given()
                  .header("Authorization", token)
                  .contentType("application/json")
                  .body(body(learner, outcome, null, today()))
                  .post(results(cohort))
                  .statusCode());
    }
    List<Integer> statuses = new java.util.ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      for (var future : pool.invokeAll(calls)) {
        statuses.add(future.get());
      }
    }
    assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
    assertThat(statuses).filteredOn(status -> status == 409).hasSize(7);
    assertThat(resultRows(cohort)).isEqualTo(1);
    assertThat(completions(cohort)).hasSize(1);
    assertThat(certificateRows(cohort))
        .isEqualTo(
            completions(cohort)
                    .getFirst()
                    .path("certification")
                    .path("outcome")
                    .asText()
                    .equals("CERTIFIED")
                ? 1
                : 0);
  }

  @Test
  void refusalsAreExplainedInFrenchEnglishAndArabic() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String allBlocks = body(learner, "PARTIALLY_CERTIFIED", List.of("BC01", "BC02"), today());
    record("site-staff-fr", cohort, allBlocks)
        .statusCode(400)
        .body(
            "errors[0].message",
            equalTo(
                "Une certification partielle ne valide pas tous les blocs : enregistrez CERTIFIED."));
    as("site-staff-fr")
        .header("Accept-Language", "en")
        .body(body(learner, "PARTIALLY_CERTIFIED", List.of("BC07"), today()))
        .post(results(cohort))
        .then()
        .statusCode(400)
        .body("detail", equalTo("Block BC07 is not a competency block of programme WEB-DEV."));
    as("site-staff-fr")
        .header("Accept-Language", "ar")
        .body(body(learner, "CERTIFIED", null, today().plusDays(2)))
        .post(results(cohort))
        .then()
        .statusCode(400)
        .body("detail", equalTo("لا يمكن أن يكون تاريخ لجنة التحكيم في المستقبل."));
    UUID stranger = UUID.randomUUID();
    as("site-staff-fr")
        .header("Accept-Language", "en")
        .body(body(stranger, "CERTIFIED", null, today()))
        .post(results(cohort))
        .then()
        .statusCode(422)
        .body("detail", equalTo("Learner " + stranger + " is not in this cohort."));
    as("site-staff-fr")
        .header("Accept-Language", "en")
        .get(results(cohort) + "/" + learner)
        .then()
        .statusCode(404)
        .body("detail", equalTo("No certification result with this id within your scope."));
  }
}
