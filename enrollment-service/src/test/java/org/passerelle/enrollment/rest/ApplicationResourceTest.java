package org.passerelle.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/** Applications over HTTP with real Keycloak tokens, the real database and the real broker. */
@QuarkusTest
public class ApplicationResourceTest {

  private static final String APPLICATIONS = "/api/v1/applications";

  @Inject EntityManager entityManager;

  static String body(String site, String firstName, String gender) {
    return """
        {"cohortId": "%s", "siteCode": "%s",
         "applicant": {"firstName": "%s", "lastName": "Benali", "email": "Amina.Benali@example.org",
                       "birthDate": "2001-04-12", "gender": %s}}
        """
        .formatted(
            UUID.randomUUID(), site, firstName, gender == null ? "null" : "\"" + gender + "\"");
  }

  static RequestSpecification as(String user) {
    return Api.as(user);
  }

  private String submit(String user, String site) {
    return submitAs(user, site);
  }

  public static String submitAs(String user, String site) {
    return as(user)
        .body(body(site, "Amina", "FEMALE"))
        .post(APPLICATIONS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  private long applications() {
    return count("select count(*) from application");
  }

  @Test
  void staffSubmitInTheirSiteAndTheEventCarriesNoPersonalData() {
    String id =
        as("site-staff-fr")
            .body(body("FR-SEVRAN", "Amina", "FEMALE"))
            .post(APPLICATIONS)
            .then()
            .statusCode(201)
            .header("Location", org.hamcrest.Matchers.containsString(APPLICATIONS + "/"))
            .header("ETag", notNullValue())
            .body("status", equalTo("SUBMITTED"))
            .body("country", equalTo("FR"))
            .body("applicant.email", equalTo("amina.benali@example.org"))
            .body("applicant.learnerId", notNullValue())
            .extract()
            .path("id");

    String data =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (String)
                        entityManager
                            .createNativeQuery(
                                "select data::text from outbox_event where aggregate_id = ?1")
                            .setParameter(1, UUID.fromString(id))
                            .getSingleResult());
    assertThat(data)
        .contains("\"applicationId\":\"" + id + "\"", "\"gender\":\"FEMALE\"", "\"ageBand\"")
        .doesNotContain("Amina", "Benali", "example.org", "2001-04-12");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from outbox_event where sent_at is not null and aggregate_id = '"
                            + id
                            + "'")
                    == 1);
  }

  @Test
  void locationPointsAtTheNewApplication() {
    String id = submit("country-admin-fr", "FR-CERGY");
    as("country-admin-fr")
        .get(APPLICATIONS + "/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
  }

  @Test
  void writesOutsideTheScopeAreRefusedAndChangeNothing() {
    long before = applications();
    as("site-staff-fr").body(body("FR-CERGY", "A", null)).post(APPLICATIONS).then().statusCode(403);
    as("country-admin-ma")
        .body(body("FR-SEVRAN", "A", null))
        .post(APPLICATIONS)
        .then()
        .statusCode(403);
    as("partner-fr").body(body("FR-SEVRAN", "A", null)).post(APPLICATIONS).then().statusCode(403);
    assertThat(applications()).isEqualTo(before);
  }

  @Test
  void readsOutsideTheScopeAnswer404() {
    String id = submit("site-staff-fr", "FR-SEVRAN");
    as("country-admin-fr").get(APPLICATIONS + "/" + id).then().statusCode(200);
    as("platform-admin").get(APPLICATIONS + "/" + id).then().statusCode(200);
    as("country-admin-ma").get(APPLICATIONS + "/" + id).then().statusCode(404);
    as("site-staff-ma").get(APPLICATIONS + "/" + id).then().statusCode(404);
    as("learner-fr").get(APPLICATIONS + "/" + id).then().statusCode(404);
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-ma"))
        .get(APPLICATIONS + "/" + id)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .get(APPLICATIONS + "/" + id)
        .then()
        .statusCode(200);
    as("partner-fr").get(APPLICATIONS + "/" + id).then().statusCode(403);
    as("platform-admin").get(APPLICATIONS + "/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void aLearnerApplyingTwiceKeepsOnePseudonym() {
    String first = submit("learner-ma", "MA-FES");
    String second = submit("learner-ma", "MA-CASABLANCA");
    String firstLearner =
        as("learner-ma")
            .get(APPLICATIONS + "/" + first)
            .then()
            .extract()
            .path("applicant.learnerId");
    as("learner-ma")
        .get(APPLICATIONS + "/" + second)
        .then()
        .statusCode(200)
        .body("applicant.learnerId", equalTo(firstLearner));
  }

  @Test
  void aLearnerAppliesForThemselfAndOnlyTheySeeIt() {
    String id = submit("learner-fr", "FR-SEVRAN");
    as("learner-fr").get(APPLICATIONS + "/" + id).then().statusCode(200).body("id", equalTo(id));
    as("learner-ma").get(APPLICATIONS + "/" + id).then().statusCode(404);
  }

  @Test
  void withoutATokenIs401() {
    given()
        .contentType(ContentType.JSON)
        .body(body("FR-SEVRAN", "A", null))
        .post(APPLICATIONS)
        .then()
        .statusCode(401);
    given().get(APPLICATIONS + "/" + UUID.randomUUID()).then().statusCode(401);
  }

  @Test
  void anIdempotencyKeyMakesRetriesHarmless() {
    long before = applications();
    String key = "office-fr-" + UUID.randomUUID();
    String payload = body("FR-SEVRAN", "Retry", "NOT_DECLARED");
    String first =
        as("site-staff-fr")
            .header("Idempotency-Key", key)
            .body(payload)
            .post(APPLICATIONS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("site-staff-fr")
        .header("Idempotency-Key", key)
        .body(payload)
        .post(APPLICATIONS)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first));
    assertThat(applications()).isEqualTo(before + 1);
  }

  @Test
  void badInputIs4xxProblemAndChangesNothing() {
    long before = applications();
    String[] bodies = {
      "{not json",
      "[]",
      "{\"cohortId\": 42, \"siteCode\": \"FR-SEVRAN\"}",
      body("FR-SEVRAN", "A", "ROBOT"),
      body("FR-SEVRAN", "x".repeat(101), null),
      body("FR-SEVRAN", "", null),
      "{\"siteCode\": \"FR-SEVRAN\"}",
      body("fr sevran", "A", null),
      body("FR-SEVRAN", "A", null).replace("2001-04-12", "2001-13-45"),
      body("FR-SEVRAN", "A", null).replace("Amina.Benali@example.org", "not-an-email"),
      body("FR-SEVRAN", "A\\u0000B", null),
    };
    for (String bad : bodies) {
      as("platform-admin")
          .body(bad)
          .post(APPLICATIONS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("status", equalTo(400));
    }
    as("platform-admin")
        .body(body("FR-NOWHERE", "A", null))
        .post(APPLICATIONS)
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    as("platform-admin")
        .contentType("application/xml")
        .body("<application/>")
        .post(APPLICATIONS)
        .then()
        .statusCode(415);
    as("platform-admin").get(APPLICATIONS + "/not-a-uuid").then().statusCode(404);
    assertThat(applications()).isEqualTo(before);
  }
}
