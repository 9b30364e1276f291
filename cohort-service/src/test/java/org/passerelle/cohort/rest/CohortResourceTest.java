package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;

@QuarkusTest
public class CohortResourceTest {

  static final String COHORTS = "/api/v1/cohorts";

  @Inject EntityManager entityManager;

  static RequestSpecification as(String user) {
    return Api.as(user);
  }

  static String body(String programme, String site, String start, String end, Object capacity) {
    return """
        {"programmeCode": "%s", "siteCode": "%s", "startDate": "%s", "endDate": "%s", "capacity": %s}
        """
        .formatted(programme, site, start, end, capacity);
  }

  public static String schedule(String user, String site) {
    return schedule(user, site, 20);
  }

  /** A cohort of WEB-DEV at this site from 2027-01-11 to 2027-06-25, with this many seats. */
  public static String schedule(String user, String site, int capacity) {
    return as(user)
        .body(body("WEB-DEV", site, "2027-01-11", "2027-06-25", capacity))
        .post(COHORTS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private long cohorts() {
    return Api.count(entityManager, "select count(*) from cohort");
  }

  @Test
  void staffScheduleCohortsInTheirScopeOnly() {
    String id = schedule("country-admin-fr", "FR-CERGY");
    as("country-admin-fr")
        .get(COHORTS + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("PLANNED"))
        .body("country", equalTo("FR"))
        .body("applicationsReceived", equalTo(0));
    schedule("site-staff-fr", "FR-SEVRAN");

    long before = cohorts();
    as("site-staff-fr")
        .body(body("WEB-DEV", "FR-CERGY", "2027-01-11", "2027-06-25", 20))
        .post(COHORTS)
        .then()
        .statusCode(403);
    as("country-admin-ma")
        .body(body("WEB-DEV", "FR-CERGY", "2027-01-11", "2027-06-25", 20))
        .post(COHORTS)
        .then()
        .statusCode(403);
    as("learner-fr")
        .body(body("WEB-DEV", "FR-CERGY", "2027-01-11", "2027-06-25", 20))
        .post(COHORTS)
        .then()
        .statusCode(403);
    assertThat(cohorts()).isEqualTo(before);

    as("site-staff-fr").get(COHORTS + "/" + id).then().statusCode(404);
    as("country-admin-ma").get(COHORTS + "/" + id).then().statusCode(404);
    as("platform-admin").get(COHORTS + "/" + id).then().statusCode(200);
    as("learner-fr").get(COHORTS + "/" + id).then().statusCode(403);
  }

  @Test
  void badInputIs4xxAndChangesNothing() {
    long before = cohorts();
    String[] bad = {
      "{",
      body("WEB-DEV", "FR-CERGY", "2027-01-11", "2027-06-25", "\"twenty\""),
      body("WEB-DEV", "FR-CERGY", "2027-01-11", "2027-06-25", 0),
      body("WEB-DEV", "FR-CERGY", "2027-01-11", "2027-06-25", 100000),
      body("WEB-DEV", "FR-CERGY", "2027-01-11", "2026-06-25", 20),
      body("WEB-DEV", "FR-CERGY", "not-a-date", "2027-06-25", 20),
      body("web dev", "FR-CERGY", "2027-01-11", "2027-06-25", 20),
      "{\"programmeCode\": \"WEB-DEV\"}",
    };
    for (String body : bad) {
      as("platform-admin")
          .body(body)
          .post(COHORTS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    as("platform-admin")
        .body(body("NO-SUCH", "FR-CERGY", "2027-01-11", "2027-06-25", 20))
        .post(COHORTS)
        .then()
        .statusCode(422);
    as("platform-admin")
        .body(body("WEB-DEV", "FR-NOWHERE", "2027-01-11", "2027-06-25", 20))
        .post(COHORTS)
        .then()
        .statusCode(422);
    assertThat(cohorts()).isEqualTo(before);
    as("platform-admin")
        .get(COHORTS + "/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void replayingAnIdempotencyKeyCreatesOneCohort() {
    long before = cohorts();
    String key = "demo-cohort-" + UUID.randomUUID();
    String body = body("WEB-DEV", "MA-FES", "2027-02-01", "2027-07-30", 25);
    String first =
        as("country-admin-ma")
            .header("Idempotency-Key", key)
            .body(body)
            .post(COHORTS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("country-admin-ma")
        .header("Idempotency-Key", key)
        .body(body)
        .post(COHORTS)
        .then()
        .statusCode(201)
        .body("id", equalTo(first));
    assertThat(cohorts()).isEqualTo(before + 1);
  }
}
