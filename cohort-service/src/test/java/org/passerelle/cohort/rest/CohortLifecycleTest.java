package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.cohort.events.CohortOutbox.CANCELLED;
import static org.passerelle.cohort.events.CohortOutbox.CHANGED;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/** Opening a cohort's recruitment and cancelling it: state machine, If-Match, scope, events. */
@QuarkusTest
class CohortLifecycleTest {

  private static final String COHORTS = CohortResourceTest.COHORTS;

  @Inject EntityManager entityManager;

  private static ValidatableResponse action(
      String user, String id, String action, String ifMatch, String body) {
    var request = Api.as(user);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (body != null) {
      request.body(body);
    }
    return request.post(COHORTS + "/" + id + "/" + action).then();
  }

  private static ValidatableResponse open(String user, String id, String ifMatch) {
    return action(user, id, "open-recruitment", ifMatch, null);
  }

  private static ValidatableResponse cancel(String user, String id, String ifMatch, String body) {
    return action(user, id, "cancel", ifMatch, body);
  }

  private void setStatus(String id, String status) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("update cohort set status = ?1 where id = ?2")
                    .setParameter(1, status)
                    .setParameter(2, UUID.fromString(id))
                    .executeUpdate());
  }

  private static void illegal(ValidatableResponse response, String from, String to) {
    response
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://passerelle.org/problems/illegal-transition"))
        .body("detail", allOf(containsString(from), containsString(to)));
  }

  private List<JsonNode> events(String id, String type) {
    return CohortOutbox.events(entityManager, id, type);
  }

  @Test
  void openingRecruitmentMovesAPlannedCohortToRecruitingAndSaysSo() {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    open("site-staff-fr", id, null)
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("status", equalTo("RECRUITING"))
        .body("version", equalTo(1));
    Api.as("site-staff-fr")
        .get(COHORTS + "/" + id)
        .then()
        .header("ETag", "\"1\"")
        .body("status", equalTo("RECRUITING"));
    List<JsonNode> changed = events(id, CHANGED);
    assertThat(changed).hasSize(1);
    JsonNode data = changed.get(0);
    assertThat(data.path("status").asText()).isEqualTo("RECRUITING");
    assertThat(data.path("version").asLong()).isEqualTo(1);
    assertThat(data.path("cohortId").asText()).isEqualTo(id);
    assertThat(data.path("capacity").asInt()).isEqualTo(20);
    assertThat(data.path("recruitmentClosesOn").asText()).isEqualTo("2027-01-10");
    assertThat(data.path("minimumAge").asInt()).isEqualTo(18);

    // only once, and never from a later state
    illegal(open("site-staff-fr", id, null), "RECRUITING", "RECRUITING");
    for (String status : new String[] {"RUNNING", "COMPLETED", "CANCELLED"}) {
      setStatus(id, status);
      illegal(open("site-staff-fr", id, null), status, "RECRUITING");
    }
    assertThat(events(id, CHANGED)).hasSize(1);
  }

  @Test
  void openingRecruitmentHonoursIfMatch() {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    Api.as("site-staff-fr")
        .header("If-Match", "\"0\"")
        .body("{\"capacity\": 21}")
        .patch(COHORTS + "/" + id)
        .then()
        .statusCode(200);
    open("site-staff-fr", id, "\"0\"")
        .statusCode(412)
        .contentType("application/problem+json")
        .body("type", equalTo("https://passerelle.org/problems/precondition-failed"));
    Api.as("site-staff-fr").get(COHORTS + "/" + id).then().body("status", equalTo("PLANNED"));
    assertThat(events(id, CHANGED)).hasSize(1);
    open("site-staff-fr", id, "\"1\"").statusCode(200).header("ETag", "\"2\"");
    assertThat(events(id, CHANGED))
        .extracting(data -> data.path("status").asText())
        .containsExactly("PLANNED", "RECRUITING");
  }

  @Test
  void cancellingAPlannedOrRecruitingCohortEmitsCohortCancelledWithoutTheReason() {
    String planned = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
    cancel(
            "site-staff-fr",
            planned,
            "\"0\"",
            "{\"reason\": \"Formateur indisponible, Mme Dupont\"}")
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("status", equalTo("CANCELLED"))
        .body("cancellationReason", equalTo("Formateur indisponible, Mme Dupont"))
        .body("cancelledAt", notNullValue());
    List<JsonNode> cancelled = events(planned, CANCELLED);
    assertThat(cancelled).hasSize(1);
    JsonNode data = cancelled.get(0);
    List<String> fields = new ArrayList<>();
    data.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "cohortId", "programmeCode", "site", "country", "cancelledAt", "version");
    assertThat(data.toString()).doesNotContain("Dupont");
    assertThat(data.path("cohortId").asText()).isEqualTo(planned);
    assertThat(data.path("programmeCode").asText()).isEqualTo("WEB-DEV");
    assertThat(data.path("site").asText()).isEqualTo("FR-SEVRAN");
    assertThat(data.path("country").asText()).isEqualTo("FR");
    assertThat(data.path("version").asLong()).isEqualTo(1);
    assertThat(OffsetDateTime.parse(data.path("cancelledAt").asText())).isAfter(before);

    // from recruiting, without a body and without If-Match
    String recruiting = CohortResourceTest.schedule("country-admin-fr", "FR-CERGY");
    open("country-admin-fr", recruiting, null).statusCode(200);
    given()
        .header("Authorization", Tokens.bearer("country-admin-fr"))
        .post(COHORTS + "/" + recruiting + "/cancel")
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("status", equalTo("CANCELLED"))
        .body("cancellationReason", nullValue());
    assertThat(events(recruiting, CANCELLED))
        .singleElement()
        .satisfies(event -> assertThat(event.path("version").asLong()).isEqualTo(2));

    // a cancelled cohort neither changes nor opens nor is cancelled again
    illegal(cancel("site-staff-fr", planned, null, "{}"), "CANCELLED", "CANCELLED");
    illegal(open("site-staff-fr", planned, null), "CANCELLED", "RECRUITING");
    Api.as("site-staff-fr")
        .header("If-Match", "\"1\"")
        .body("{\"capacity\": 25}")
        .patch(COHORTS + "/" + planned)
        .then()
        .statusCode(409);
    assertThat(events(planned, CANCELLED)).hasSize(1);
  }

  @Test
  void aCohortThatRunsOrCompletedCannotBeCancelled() {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    for (String status : new String[] {"RUNNING", "COMPLETED"}) {
      setStatus(id, status);
      illegal(cancel("site-staff-fr", id, null, "{}"), status, "CANCELLED");
    }
    assertThat(events(id, CANCELLED)).isEmpty();
    Api.as("platform-admin").get(COHORTS + "/" + id).then().body("cancelledAt", nullValue());
  }

  @Test
  void cancellingHonoursIfMatchAndRefusesBadBodies() {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    for (String stale : new String[] {"\"1\"", "W/\"0\"", "\"abc\""}) {
      cancel("site-staff-fr", id, stale, "{}")
          .statusCode(412)
          .contentType("application/problem+json");
    }
    String[] bad = {
      "{\"reason\": \"" + "x".repeat(501) + "\"}",
      "{\"reason\": 5}",
      "{\"why\": \"no\"}",
      "{",
      "[]",
    };
    for (String body : bad) {
      cancel("site-staff-fr", id, "\"0\"", body)
          .statusCode(400)
          .contentType("application/problem+json");
    }
    Api.as("site-staff-fr")
        .get(COHORTS + "/" + id)
        .then()
        .header("ETag", "\"0\"")
        .body("status", equalTo("PLANNED"));
    Api.as("site-staff-fr")
        .contentType("text/plain")
        .body("no trainer")
        .post(COHORTS + "/" + id + "/cancel")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    assertThat(events(id, CANCELLED)).isEmpty();
    cancel("site-staff-fr", id, "\"0\"", "{\"reason\": \"" + "x".repeat(500) + "\"}")
        .statusCode(200);
  }

  @Test
  void onlyStaffInScopeOpenOrCancelACohort() {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    for (String action : new String[] {"open-recruitment", "cancel"}) {
      action("site-staff-ma", id, action, null, null).statusCode(404);
      action("country-admin-ma", id, action, null, null).statusCode(404);
      action("learner-fr", id, action, null, null).statusCode(403);
      action("partner-fr", id, action, null, null).statusCode(403);
      given()
          .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
          .post(COHORTS + "/" + id + "/" + action)
          .then()
          .statusCode(403);
      given().post(COHORTS + "/" + id + "/" + action).then().statusCode(401);
      action("platform-admin", UUID.randomUUID().toString(), action, null, null)
          .statusCode(404)
          .contentType("application/problem+json");
    }
    String cergy = CohortResourceTest.schedule("country-admin-fr", "FR-CERGY");
    action("site-staff-fr", cergy, "cancel", null, null).statusCode(404);
    action("site-staff-fr", cergy, "open-recruitment", null, null).statusCode(404);
    Api.as("platform-admin")
        .get(COHORTS + "/" + id)
        .then()
        .header("ETag", "\"0\"")
        .body("status", equalTo("PLANNED"));
    assertThat(CohortOutbox.count(entityManager, id)).isEqualTo(1);
    assertThat(CohortOutbox.count(entityManager, cergy)).isEqualTo(1);

    open("country-admin-fr", id, null).statusCode(200);
    cancel("platform-admin", cergy, null, null).statusCode(200);
    cancel("site-staff-fr", id, null, null).statusCode(200);
  }
}
