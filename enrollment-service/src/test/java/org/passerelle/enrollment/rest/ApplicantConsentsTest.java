package org.passerelle.enrollment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.enrollment.testing.Callers;
import org.passerelle.enrollment.testing.Db;
import org.passerelle.enrollment.testing.Fixtures;
import org.passerelle.enrollment.testing.Person;

/** Consents per purpose: recorded by the person or staff in scope, only ever appended. */
@QuarkusTest
class ApplicantConsentsTest {

  private static final String APPLICANTS = ApplicantErasureTest.APPLICANTS;

  @Inject EntityManager entityManager;

  private long consents(String applicantId) {
    return Api.count(
        entityManager, "select count(*) from consent where applicant_id = '" + applicantId + "'");
  }

  /** A person who applied at FR-SEVRAN through staff; returns the applicant id. */
  private String applicant() {
    return Person.of("FR")
        .submit("site-staff-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"))
        .path("applicant")
        .path("id")
        .asText();
  }

  @Test
  void staffRecordGrantsAndWithdrawalsAndTheHistoryKeepsEverything() {
    String applicantId = applicant();
    Api.as("site-staff-fr")
        .get(APPLICANTS + applicantId + "/consents")
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .body("applicantId", equalTo(applicantId))
        .body("current", hasSize(2))
        .body("current.find { it.purpose == 'APPLICATION_PROCESSING' }.granted", equalTo(true))
        .body("current.find { it.purpose == 'FOLLOW_UP_CONTACT' }.regime", equalTo("GDPR"))
        .body(
            "current.find { it.purpose == 'FOLLOW_UP_CONTACT' }.textVersion", equalTo("fr-2026-09"))
        .body("history", hasSize(2));

    // Long quiet, then the person speaks again: retention counts from now.
    Db.age(entityManager, applicantId, 30);
    Api.as("country-admin-fr")
        .body(
            """
            [{"purpose": "CV_SHARING", "granted": true, "textVersion": "fr-2026-10"},
             {"purpose": "FOLLOW_UP_CONTACT", "granted": false}]
            """)
        .post(APPLICANTS + applicantId + "/consents")
        .then()
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.endsWith(APPLICANTS + applicantId + "/consents"))
        .body("current", hasSize(3))
        .body("current.find { it.purpose == 'CV_SHARING' }.granted", equalTo(true))
        .body("current.find { it.purpose == 'CV_SHARING' }.textVersion", equalTo("fr-2026-10"))
        .body("current.find { it.purpose == 'CV_SHARING' }.recordedBySelf", equalTo(false))
        .body("current.find { it.purpose == 'FOLLOW_UP_CONTACT' }.granted", equalTo(false))
        .body("current.find { it.purpose == 'APPLICATION_PROCESSING' }.granted", equalTo(true))
        .body("history", hasSize(4))
        .body(
            "history[3].purpose",
            org.hamcrest.Matchers.anyOf(
                equalTo("APPLICATION_PROCESSING"), equalTo("FOLLOW_UP_CONTACT")));
    assertThat(consents(applicantId)).isEqualTo(4);
    assertThat(
            Api.count(
                entityManager,
                "select count(*) from applicant where updated_at > now() - interval '5 minutes'"
                    + " and id = '"
                    + applicantId
                    + "'"))
        .isEqualTo(1);
    // The withdrawn purpose's grant is still in the history: rows are only ever added.
    Api.as("platform-admin")
        .get(APPLICANTS + applicantId + "/consents")
        .then()
        .statusCode(200)
        .body(
            "history.findAll { it.purpose == 'FOLLOW_UP_CONTACT' }.granted",
            equalTo(java.util.List.of(false, true)));
  }

  @Test
  void theLearnerWithdrawsProcessingAndTheApplicationStaysForStaffToStop() {
    Person person = Person.of("FR");
    JsonNode application =
        person.submit("learner-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"));
    String applicantId = application.path("applicant").path("id").asText();
    Api.as("learner-fr")
        .body("[{\"purpose\": \"APPLICATION_PROCESSING\", \"granted\": false}]")
        .post(APPLICANTS + applicantId + "/consents")
        .then()
        .statusCode(201)
        .body("current.find { it.purpose == 'APPLICATION_PROCESSING' }.granted", equalTo(false))
        .body(
            "current.find { it.purpose == 'APPLICATION_PROCESSING' }.recordedBySelf",
            equalTo(true));
    assertThat(
            Api.count(
                entityManager,
                "select count(*) from application where status = 'SUBMITTED' and id = '"
                    + application.path("id").asText()
                    + "'"))
        .isEqualTo(1);
    Api.as("learner-fr").get(APPLICANTS + applicantId + "/consents").then().statusCode(200);
    Api.as("learner-ma")
        .get(APPLICANTS + applicantId + "/consents")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void anIdempotencyKeyRecordsOnce() {
    String applicantId = applicant();
    String key = UUID.randomUUID().toString();
    String body = "[{\"purpose\": \"CV_SHARING\", \"granted\": true}]";
    Api.as("site-staff-fr")
        .header("Idempotency-Key", key)
        .body(body)
        .post(APPLICANTS + applicantId + "/consents")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", nullValue());
    Api.as("site-staff-fr")
        .header("Idempotency-Key", key)
        .body(body)
        .post(APPLICANTS + applicantId + "/consents")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", equalTo("true"))
        .body("history", hasSize(3));
    assertThat(consents(applicantId)).isEqualTo(3);
    // The same key for another request, or another applicant, is refused.
    Api.as("site-staff-fr")
        .header("Idempotency-Key", key)
        .body("[{\"purpose\": \"CV_SHARING\", \"granted\": false}]")
        .post(APPLICANTS + applicantId + "/consents")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    Api.as("site-staff-fr")
        .header("Idempotency-Key", key)
        .body(body)
        .post(APPLICANTS + applicant() + "/consents")
        .then()
        .statusCode(422);
    assertThat(consents(applicantId)).isEqualTo(3);
  }

  @Test
  void scopeMatrix() {
    String applicantId = applicant();
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("platform-admin", 200);
    expected.put("country-admin-fr", 200);
    expected.put("country-admin-ma", 404);
    expected.put("site-staff-fr", 200);
    expected.put("site-staff-ma", 404);
    expected.put("learner-fr", 404);
    expected.put("learner-ma", 404);
    expected.put("partner-fr", 403);
    expected.put("partner-ma", 403);
    expected.put("integration-fr", 403);
    expected.put("integration-ma", 404);
    assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(Callers.ALL);
    String body = "[{\"purpose\": \"CV_SHARING\", \"granted\": true}]";
    long recorded = consents(applicantId);
    for (var entry : expected.entrySet()) {
      int read = entry.getValue();
      Callers.as(entry.getKey())
          .get(APPLICANTS + applicantId + "/consents")
          .then()
          .statusCode(read);
      Callers.as(entry.getKey())
          .body(body)
          .post(APPLICANTS + applicantId + "/consents")
          .then()
          .statusCode(read == 200 ? 201 : read);
      recorded += read == 200 ? 1 : 0;
      assertThat(consents(applicantId)).as(entry.getKey()).isEqualTo(recorded);
    }
    // Site staff reach only applicants of their sites.
    String elsewhere =
        Person.of("FR")
            .submit("country-admin-fr", Fixtures.openIntake(entityManager, "FR-CERGY"))
            .path("applicant")
            .path("id")
            .asText();
    Api.as("site-staff-fr").get(APPLICANTS + elsewhere + "/consents").then().statusCode(404);
    Api.as("site-staff-fr")
        .body(body)
        .post(APPLICANTS + elsewhere + "/consents")
        .then()
        .statusCode(404);
    assertThat(consents(elsewhere)).isEqualTo(2);
  }

  @Test
  void badInputIsRefusedAndRecordsNothing() {
    String applicantId = applicant();
    String url = APPLICANTS + applicantId + "/consents";
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("malformed", "[{\"purpose\": \"CV_SHARING\",");
    bodies.put("not a list", "{\"purpose\": \"CV_SHARING\", \"granted\": true}");
    bodies.put("empty", "[]");
    bodies.put("null", "null");
    bodies.put("null item", "[null]");
    bodies.put("wrong type", "[{\"purpose\": \"CV_SHARING\", \"granted\": \"yes\"}]");
    bodies.put("number for boolean", "[{\"purpose\": \"CV_SHARING\", \"granted\": 1}]");
    bodies.put("unknown purpose", "[{\"purpose\": \"MARKETING\", \"granted\": true}]");
    bodies.put("missing granted", "[{\"purpose\": \"CV_SHARING\"}]");
    bodies.put("missing purpose", "[{\"granted\": true}]");
    bodies.put("unknown field", "[{\"purpose\": \"CV_SHARING\", \"granted\": true, \"by\": 1}]");
    bodies.put(
        "oversize text version",
        "[{\"purpose\": \"CV_SHARING\", \"granted\": true, \"textVersion\": \""
            + "v".repeat(41)
            + "\"}]");
    bodies.put(
        "bad text version",
        "[{\"purpose\": \"CV_SHARING\", \"granted\": true, \"textVersion\": \"<b>\"}]");
    bodies.put(
        "repeated purpose",
        "[{\"purpose\": \"CV_SHARING\", \"granted\": true},"
            + " {\"purpose\": \"CV_SHARING\", \"granted\": false}]");
    bodies.put(
        "too many",
        "[{\"purpose\": \"CV_SHARING\", \"granted\": true},"
            + " {\"purpose\": \"FOLLOW_UP_CONTACT\", \"granted\": true},"
            + " {\"purpose\": \"APPLICATION_PROCESSING\", \"granted\": true},"
            + " {\"purpose\": \"CV_SHARING\", \"granted\": true}]");
    bodies.forEach(
        (name, body) -> {
          int status =
              Api.as("country-admin-fr")
                  .body(body)
                  .post(url)
                  .then()
                  .contentType("application/problem+json")
                  .extract()
                  .statusCode();
          assertThat(status).as(name).isEqualTo(400);
        });
    Api.as("country-admin-fr")
        .body(
            "[{\"purpose\": \"CV_SHARING\", \"granted\": true, \"textVersion\": \""
                + "v".repeat(1_100_000)
                + "\"}]")
        .post(url)
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
    Api.as("country-admin-fr")
        .contentType("text/plain")
        .body("CV_SHARING")
        .post(url)
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    Api.as("country-admin-fr")
        .body("[{\"purpose\": \"CV_SHARING\", \"granted\": true}]")
        .post(APPLICANTS + UUID.randomUUID() + "/consents")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Api.as("country-admin-fr")
        .get(APPLICANTS + "not-a-uuid/consents")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    assertThat(consents(applicantId)).isEqualTo(2);
  }
}
