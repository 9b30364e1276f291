package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.EventSchemas;
import org.passerelle.commons.testing.Tokens;

/** Changing a cohort: If-Match, state, scope, validation, and the one event it emits. */
@QuarkusTest
class CohortChangeTest {

  private static final String COHORTS = CohortResourceTest.COHORTS;
  private static final String CHANGED = "org.passerelle.cohort.cohort-changed.v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EntityManager entityManager;

  @TestHTTPResource(COHORTS)
  URI cohorts;

  private static String etag(String user, String id) {
    return Api.as(user).get(COHORTS + "/" + id).then().statusCode(200).extract().header("ETag");
  }

  private static ValidatableResponse change(String user, String id, String ifMatch, String body) {
    var request = Api.as(user).body(body);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.patch(COHORTS + "/" + id).then();
  }

  /** The cohort-changed events in the outbox for this cohort, as JSON, oldest first. */
  @SuppressWarnings("unchecked")
  private List<String> changedEvents(String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (List<String>)
                    entityManager
                        .createNativeQuery(
                            "select data::text from outbox_event where aggregate_id = ?1"
                                + " and type = ?2 order by seq")
                        .setParameter(1, UUID.fromString(id))
                        .setParameter(2, CHANGED)
                        .getResultList());
  }

  private static void assertUnchanged(String id) {
    Api.as("platform-admin")
        .get(COHORTS + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("version", equalTo(0))
        .body("startDate", equalTo("2027-01-11"))
        .body("endDate", equalTo("2027-06-25"))
        .body("capacity", equalTo(20));
  }

  @Test
  void aChangeIsSavedAndEmitsOneCohortChangedWithTheNewVersion() throws Exception {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    String etag = etag("site-staff-fr", id);
    assertThat(etag).isEqualTo("\"0\"");

    String newEtag =
        change("site-staff-fr", id, etag, "{\"capacity\": 24, \"endDate\": \"2027-07-02\"}")
            .statusCode(200)
            .body("capacity", equalTo(24))
            .body("endDate", equalTo("2027-07-02"))
            .body("startDate", equalTo("2027-01-11"))
            .body("version", equalTo(1))
            .extract()
            .header("ETag");
    assertThat(newEtag).isEqualTo("\"1\"");
    long version =
        Api.as("site-staff-fr")
            .get(COHORTS + "/" + id)
            .then()
            .header("ETag", newEtag)
            .body("capacity", equalTo(24))
            .extract()
            .<Integer>path("version");

    List<String> events = changedEvents(id);
    assertThat(events).hasSize(1);
    EventSchemas.assertValid(CHANGED, events.get(0));
    JsonNode data = JSON.readTree(events.get(0));
    assertThat(data.path("cohortId").asText()).isEqualTo(id);
    assertThat(data.path("version").asLong()).isEqualTo(version);
    assertThat(data.path("capacity").asInt()).isEqualTo(24);
    assertThat(data.path("startDate").asText()).isEqualTo("2027-01-11");
    assertThat(data.path("endDate").asText()).isEqualTo("2027-07-02");
    assertThat(data.path("programmeCode").asText()).isEqualTo("WEB-DEV");
    assertThat(data.path("site").asText()).isEqualTo("FR-SEVRAN");
    assertThat(data.path("country").asText()).isEqualTo("FR");
    assertThat(data.path("status").asText()).isEqualTo("PLANNED");

    // a merge patch under its own media type, from the ETag just returned
    change("site-staff-fr", id, newEtag, "{\"startDate\": \"2027-01-18\"}")
        .statusCode(200)
        .header("ETag", "\"2\"");
    given()
        .header("Authorization", Tokens.bearer("site-staff-fr"))
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"2\"")
        .body("{\"capacity\": 30}")
        .patch(COHORTS + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"3\"")
        .body("startDate", equalTo("2027-01-18"))
        .body("capacity", equalTo(30));
    assertThat(changedEvents(id))
        .extracting(json -> JSON.readTree(json).path("version").asLong())
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void aChangeThatChangesNothingKeepsTheVersionAndEmitsNothing() {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    change("site-staff-fr", id, "\"0\"", "{}").statusCode(200).header("ETag", "\"0\"");
    change("site-staff-fr", id, "\"0\"", "{\"capacity\": 20, \"startDate\": \"2027-01-11\"}")
        .statusCode(200)
        .header("ETag", "\"0\"");
    assertUnchanged(id);
    assertThat(changedEvents(id)).isEmpty();
  }

  @Test
  void aStaleIfMatchIs412AndChangesNothing() {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    change("site-staff-fr", id, "\"0\"", "{\"capacity\": 25}").statusCode(200);
    // a second writer who read the same version loses, instead of overwriting the first
    for (String stale : new String[] {"\"0\"", "W/\"1\"", "\"abc\"", "\"0\", \"2\""}) {
      change("site-staff-fr", id, stale, "{\"capacity\": 30}")
          .statusCode(412)
          .contentType("application/problem+json")
          .body("type", equalTo("https://passerelle.org/problems/precondition-failed"));
    }
    Api.as("site-staff-fr")
        .get(COHORTS + "/" + id)
        .then()
        .header("ETag", "\"1\"")
        .body("capacity", equalTo(25));
    assertThat(changedEvents(id)).hasSize(1);
  }

  @Test
  void ofConcurrentChangesFromTheSameVersionOneWinsAndTheOthersAre412() throws Exception {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    String token = Tokens.bearer("site-staff-fr");
    HttpClient http = HttpClient.newHttpClient();
    List<Callable<Integer>> writers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String body = "{\"capacity\": " + (30 + i) + "}";
      writers.add(
          () ->
              http.send(
                      HttpRequest.newBuilder(cohorts.resolve(COHORTS + "/" + id))
                          .header("Authorization", token)
                          .header("Content-Type", "application/json")
                          .header("If-Match", "\"0\"")
                          .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                          .build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode());
    }
    List<Integer> statuses = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(writers.size());
    try {
      for (Future<Integer> status : pool.invokeAll(writers)) {
        statuses.add(status.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(statuses).containsOnly(200, 412).containsOnlyOnce(200);
    Api.as("site-staff-fr").get(COHORTS + "/" + id).then().header("ETag", "\"1\"");
    assertThat(changedEvents(id)).hasSize(1);
  }

  @Test
  void withoutIfMatchTheChangeIsRefused() {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    change("site-staff-fr", id, null, "{\"capacity\": 25}")
        .statusCode(428)
        .contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.containsString("If-Match"));
    change("site-staff-fr", id, " ", "{\"capacity\": 25}")
        .statusCode(428)
        .contentType("application/problem+json");
    assertUnchanged(id);
    assertThat(changedEvents(id)).isEmpty();
  }

  @Test
  void badInputIs4xxProblemAndChangesNothing() {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    String[] bad = {
      "{",
      "[]",
      "{\"capacity\": \"twenty\"}",
      "{\"capacity\": 0}",
      "{\"capacity\": 501}",
      "{\"capacity\": null}",
      "{\"startDate\": null}",
      "{\"endDate\": \"2026-12-31\"}",
      "{\"endDate\": \"2027-01-11\"}",
      "{\"startDate\": \"2027-07-01\"}",
      "{\"startDate\": \"2027-02-30\"}",
      "{\"startDate\": \"2027-02-01\", \"endDate\": \"2027-01-31\"}",
      "{\"status\": \"RUNNING\"}",
      "{\"capacity\": 25, \"siteCode\": \"MA-FES\"}",
    };
    for (String body : bad) {
      change("site-staff-fr", id, "\"0\"", body)
          .statusCode(400)
          .contentType("application/problem+json")
          .body("status", equalTo(400));
    }
    Api.as("site-staff-fr")
        .contentType("application/xml")
        .header("If-Match", "\"0\"")
        .body("<cohort/>")
        .patch(COHORTS + "/" + id)
        .then()
        .statusCode(415);
    assertUnchanged(id);
    assertThat(changedEvents(id)).isEmpty();
  }

  @Test
  void onlyStaffInScopeChangeACohort() {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    String body = "{\"capacity\": 26}";
    change("site-staff-ma", id, "\"0\"", body).statusCode(404);
    change("country-admin-ma", id, "\"0\"", body).statusCode(404);
    change("learner-fr", id, "\"0\"", body).statusCode(403);
    change("partner-fr", id, "\"0\"", body).statusCode(403);
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .contentType("application/json")
        .header("If-Match", "\"0\"")
        .body(body)
        .patch(COHORTS + "/" + id)
        .then()
        .statusCode(403);
    given()
        .contentType("application/json")
        .header("If-Match", "\"0\"")
        .body(body)
        .patch(COHORTS + "/" + id)
        .then()
        .statusCode(401);
    change("platform-admin", UUID.randomUUID().toString(), "\"0\"", body)
        .statusCode(404)
        .contentType("application/problem+json");
    assertUnchanged(id);

    String cergy = CohortResourceTest.schedule("country-admin-fr", "FR-CERGY");
    change("site-staff-fr", cergy, "\"0\"", body).statusCode(404);

    change("country-admin-fr", id, "\"0\"", body).statusCode(200).body("capacity", equalTo(26));
    change("platform-admin", id, "\"1\"", "{\"capacity\": 27}")
        .statusCode(200)
        .body("capacity", equalTo(27));
    assertThat(changedEvents(id)).hasSize(2);
  }

  @Test
  void aCohortThatStartedCannotChange() {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    for (String status : new String[] {"RUNNING", "COMPLETED", "CANCELLED"}) {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  entityManager
                      .createNativeQuery("update cohort set status = ?1 where id = ?2")
                      .setParameter(1, status)
                      .setParameter(2, UUID.fromString(id))
                      .executeUpdate());
      change("site-staff-fr", id, "\"0\"", "{\"capacity\": 25}")
          .statusCode(409)
          .contentType("application/problem+json");
    }
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("update cohort set status = 'RECRUITING' where id = ?1")
                    .setParameter(1, UUID.fromString(id))
                    .executeUpdate());
    change("site-staff-fr", id, "\"0\"", "{\"capacity\": 25}")
        .statusCode(200)
        .body("status", equalTo("RECRUITING"));
    assertThat(changedEvents(id)).hasSize(1);
  }
}
