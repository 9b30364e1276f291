package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/**
 * Each role and country against each certification endpoint, for a cohort at FR-SEVRAN (OWASP
 * API1): allowed, 404 (outside the scope, as if it did not exist), 403 (a role that never may) or
 * 401 (no token). The public verification answers everyone. A refused call changes nothing.
 */
@QuarkusTest
class CertificationScopeMatrixTest {

  @Inject EntityManager entityManager;

  private static RequestSpecification as(String caller) {
    if (caller.equals("anonymous")) {
      return given().contentType(ContentType.JSON);
    }
    if (caller.startsWith("integration-")) {
      return given()
          .header("Authorization", "Bearer " + Tokens.ofClient(caller))
          .contentType(ContentType.JSON);
    }
    return Api.as(caller);
  }

  private static String body(UUID learner) {
    return """
        {"learnerId": "%s", "outcome": "CERTIFIED", "certifiedOn": "%s", "juryReference": "J-1"}
        """
        .formatted(learner, LocalDate.now(ZoneId.of("Europe/Paris")));
  }

  private Object scalar(String sql, Object parameter) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager.createNativeQuery(sql).setParameter(1, parameter).getSingleResult());
  }

  @ParameterizedTest(
      name = "{0}: record {1}, list {2}, read {3}, verify {4}, revoke {5}, audit {6}")
  @CsvSource({
    "platform-admin,   201, 200, 200, 200, 200, 200",
    "country-admin-fr, 201, 200, 200, 200, 200, 200",
    "country-admin-ma, 404, 404, 404, 200, 404, 404",
    "site-staff-fr,    201, 200, 200, 200, 403, 403",
    "site-staff-ma,    404, 404, 404, 200, 403, 403",
    "learner-fr,       403, 403, 403, 200, 403, 403",
    "learner-ma,       403, 403, 403, 200, 403, 403",
    "partner-fr,       403, 403, 403, 200, 403, 403",
    "partner-ma,       403, 403, 403, 200, 403, 403",
    "integration-fr,   403, 200, 200, 200, 403, 403",
    "integration-ma,   403, 404, 404, 200, 403, 403",
    "anonymous,        401, 401, 401, 200, 401, 401",
  })
  void eachRoleAndCountryGetsWhatItsScopeAllows(
      String caller, int record, int list, int read, int verify, int revoke, int audit) {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    String results = "/api/v1/cohorts/" + cohort + "/certification-results";
    String publicId =
        Api.as("platform-admin")
            .body(body(learners.get(0)))
            .post(results)
            .then()
            .statusCode(201)
            .extract()
            .path("certificate.publicId");
    String certificate = "/api/v1/certificates/" + publicId;

    as(caller).body(body(learners.get(1))).post(results).then().statusCode(record);
    assertThat(scalar("select status from cohort_learner where learner_id = ?1", learners.get(1)))
        .isEqualTo(record == 201 ? "COMPLETED" : "ACTIVE");
    as(caller).get(results).then().statusCode(list);
    as(caller).get(results + "/" + learners.get(0)).then().statusCode(read);
    as(caller).get(certificate).then().statusCode(verify);
    as(caller)
        .body("{\"reason\": \"fraud\"}")
        .post(certificate + "/revoke")
        .then()
        .statusCode(revoke);
    assertThat(scalar("select status from certificate where public_id = ?1", publicId))
        .isEqualTo(revoke == 200 ? "REVOKED" : "VALID");
    as(caller).get(certificate + "/audit").then().statusCode(audit);
  }

  @Test
  void siteStaffReachOnlyTheirOwnSites() {
    UUID cohort = Cohorts.running("FR-CERGY", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String results = "/api/v1/cohorts/" + cohort + "/certification-results";
    as("site-staff-fr").body(body(learner)).post(results).then().statusCode(404);
    as("site-staff-fr").get(results).then().statusCode(404);
    assertThat(scalar("select status from cohort_learner where learner_id = ?1", learner))
        .isEqualTo("ACTIVE");
    as("country-admin-fr").body(body(learner)).post(results).then().statusCode(201);
    as("site-staff-fr").get(results + "/" + learner).then().statusCode(404);
  }
}
