package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.passerelle.cohort.events.CohortOutbox.CHANGED;
import static org.passerelle.cohort.events.CohortOutbox.SCHEDULED;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/** A cohort's trainers and funders: kept, shown, bounded; funders in events, trainers never. */
@QuarkusTest
class CohortStaffingTest {

  private static final String COHORTS = CohortResourceTest.COHORTS;

  @Inject EntityManager entityManager;

  private static String schedule(String staffing) {
    return """
        {"programmeCode": "WEB-DEV", "siteCode": "FR-SEVRAN", "startDate": "2027-03-01",
         "endDate": "2027-09-30", "capacity": 20%s}
        """
        .formatted(staffing);
  }

  private static ValidatableResponse change(String id, String ifMatch, String body) {
    return Api.as("site-staff-fr")
        .header("If-Match", ifMatch)
        .body(body)
        .patch(COHORTS + "/" + id)
        .then();
  }

  private static String names(String prefix, int count, int length) {
    return IntStream.range(0, count)
        .mapToObj(i -> "\"" + (prefix + i + "x".repeat(length)).substring(0, length) + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }

  @SuppressWarnings("unchecked")
  private List<String> column(String id, String column) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (List<String>)
                    entityManager
                        .createNativeQuery(
                            "select unnest(" + column + ") from cohort where id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .getResultList());
  }

  private List<JsonNode> events(String id, String type) {
    return CohortOutbox.events(entityManager, id, type);
  }

  @Test
  void trainersAndFundersAreKeptAndShownButOnlyFundersAreSent() {
    String id =
        Api.as("site-staff-fr")
            .body(
                schedule(
                    ", \"trainers\": [\" Mme Dupont \", \"M. Martin\"],"
                        + " \"funders\": [\"Région Île-de-France\", \"France Travail\"]"))
            .post(COHORTS)
            .then()
            .statusCode(201)
            .body("trainers", contains("Mme Dupont", "M. Martin"))
            .body("funders", contains("Région Île-de-France", "France Travail"))
            .extract()
            .path("id");
    assertThat(column(id, "trainers")).containsExactly("Mme Dupont", "M. Martin");
    assertThat(column(id, "funders")).containsExactly("Région Île-de-France", "France Travail");
    JsonNode scheduled = events(id, SCHEDULED).get(0);
    assertThat(scheduled.path("funders").toString())
        .isEqualTo("[\"Région Île-de-France\",\"France Travail\"]");
    assertThat(scheduled.has("trainers")).isFalse();
    assertThat(scheduled.toString()).doesNotContain("Dupont").doesNotContain("Martin");

    // a list sent replaces the whole list; the other one stays
    change(id, "\"0\"", "{\"trainers\": [\"M. Benali\"]}")
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("trainers", contains("M. Benali"))
        .body("funders", contains("Région Île-de-France", "France Travail"));
    change(id, "\"1\"", "{\"funders\": [\"Fondation Orange\"], \"capacity\": 22}")
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("trainers", contains("M. Benali"))
        .body("funders", contains("Fondation Orange"))
        .body("capacity", equalTo(22));
    // the same lists again change nothing; null empties a list
    change(id, "\"2\"", "{\"trainers\": [\"M. Benali\"], \"funders\": [\"Fondation Orange\"]}")
        .statusCode(200)
        .header("ETag", "\"2\"");
    change(id, "\"2\"", "{\"trainers\": null, \"funders\": []}")
        .statusCode(200)
        .header("ETag", "\"3\"")
        .body("trainers", empty())
        .body("funders", empty());
    assertThat(column(id, "trainers")).isEmpty();
    Api.as("platform-admin")
        .get(COHORTS + "/" + id)
        .then()
        .header("ETag", "\"3\"")
        .body("trainers", empty())
        .body("funders", empty());

    List<JsonNode> changed = events(id, CHANGED);
    assertThat(changed).extracting(e -> e.path("version").asLong()).containsExactly(1L, 2L, 3L);
    assertThat(changed)
        .extracting(e -> e.path("funders").toString())
        .containsExactly(
            "[\"Région Île-de-France\",\"France Travail\"]", "[\"Fondation Orange\"]", "[]");
    assertThat(changed).allSatisfy(e -> assertThat(e.has("trainers")).isFalse());
    assertThat(changed.toString()).doesNotContain("Benali").doesNotContain("Dupont");

    // left out: none
    Api.as("site-staff-fr")
        .body(schedule(""))
        .post(COHORTS)
        .then()
        .statusCode(201)
        .body("trainers", empty())
        .body("funders", empty());
  }

  @Test
  void trainersAndFundersAreBounded() {
    long before = Api.count(entityManager, "select count(*) from cohort");
    String[][] bad = {
      {"\"trainers\": " + names("T", 11, 10), "trainers"},
      {"\"trainers\": " + names("T", 1, 201), "trainers"},
      {"\"trainers\": [\"Mme Dupont\", \" \"]", "trainers"},
      {"\"trainers\": [\"Mme Dupont\", null]", "trainers"},
      {"\"trainers\": \"Mme Dupont\"", "trainers"},
      {"\"funders\": " + names("F", 21, 10), "funders"},
      {"\"funders\": " + names("F", 1, 201), "funders"},
      {"\"funders\": [\"\"]", "funders"},
      {"\"funders\": [3]", "funders"},
    };
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    before++;
    for (String[] example : bad) {
      Api.as("site-staff-fr")
          .body(schedule(", " + example[0]))
          .post(COHORTS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem(startsWith(example[1])));
      change(id, "\"0\"", "{" + example[0] + "}")
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem(startsWith(example[1])));
    }
    assertThat(Api.count(entityManager, "select count(*) from cohort")).isEqualTo(before);
    // the largest allowed
    change(
            id,
            "\"0\"",
            "{\"trainers\": " + names("T", 10, 200) + ", \"funders\": " + names("F", 20, 200) + "}")
        .statusCode(200)
        .header("ETag", "\"1\"");
    assertThat(column(id, "trainers"))
        .hasSize(10)
        .allSatisfy(name -> assertThat(name).hasSize(200));
    assertThat(column(id, "funders")).hasSize(20);
  }

  @Test
  void onlyTrainersAndFundersChangeWhileTheCohortRuns() {
    String running =
        Cohorts.cohort(
                "FR-SEVRAN", "WEB-DEV", CohortStatus.RUNNING, 20, LocalDate.now().minusWeeks(2))
            .toString();
    change(running, "\"0\"", "{\"trainers\": [\"Mme Haddad\"], \"funders\": [\"Région\"]}")
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("status", equalTo("RUNNING"))
        .body("trainers", contains("Mme Haddad"));
    assertThat(events(running, CHANGED))
        .singleElement()
        .satisfies(e -> assertThat(e.path("status").asText()).isEqualTo("RUNNING"));
    change(running, "\"1\"", "{\"trainers\": [\"M. Roy\"], \"capacity\": 25}")
        .statusCode(409)
        .contentType("application/problem+json");
    change(running, "\"1\"", "{\"endDate\": \"2030-01-01\"}").statusCode(409);
    Api.as("site-staff-fr")
        .get(COHORTS + "/" + running)
        .then()
        .header("ETag", "\"1\"")
        .body("trainers", contains("Mme Haddad"))
        .body("capacity", equalTo(20));
    for (CohortStatus over : List.of(CohortStatus.COMPLETED, CohortStatus.CANCELLED)) {
      String id =
          Cohorts.cohort("FR-SEVRAN", "WEB-DEV", over, 20, LocalDate.now().minusWeeks(20))
              .toString();
      change(id, "\"0\"", "{\"trainers\": [\"M. Roy\"]}").statusCode(409);
      assertThat(column(id, "trainers")).isEmpty();
    }
  }

  @Test
  void integrationsReadCohortsWithoutTrainersNamesNorTheCancellationsNote() {
    String id =
        Api.as("site-staff-fr")
            .body(schedule(", \"trainers\": [\"Mme Dupont\"], \"funders\": [\"France Travail\"]"))
            .post(COHORTS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("site-staff-fr")
        .header("If-Match", "\"0\"")
        .body("{\"reason\": \"Mme Dupont est en arrêt maladie\"}")
        .post(COHORTS + "/" + id + "/cancel")
        .then()
        .statusCode(200)
        .body("cancellationReason", equalTo("Mme Dupont est en arrêt maladie"));
    String integration = "Bearer " + Tokens.ofClient("integration-fr");

    given()
        .header("Authorization", integration)
        .get(COHORTS + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("status", equalTo("CANCELLED"))
        .body("funders", contains("France Travail"))
        .body("cancelledAt", notNullValue())
        .body("trainers", nullValue())
        .body("cancellationReason", nullValue())
        .body(not(containsString("Dupont")));
    given()
        .header("Authorization", integration)
        .queryParam("site", "FR-SEVRAN")
        .queryParam("status", "CANCELLED")
        .queryParam("startFrom", "2027-03-01")
        .queryParam("startTo", "2027-03-01")
        .queryParam("size", 100)
        .get(COHORTS)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id))
        .body("items.findAll { it.trainers != null || it.cancellationReason != null }", empty())
        .body(not(containsString("Dupont")));
    // staff still read both, and both are kept
    for (String staff : List.of("site-staff-fr", "country-admin-fr", "platform-admin")) {
      Api.as(staff)
          .get(COHORTS + "/" + id)
          .then()
          .statusCode(200)
          .body("trainers", contains("Mme Dupont"))
          .body("cancellationReason", equalTo("Mme Dupont est en arrêt maladie"));
    }
    Api.as("country-admin-fr")
        .queryParam("site", "FR-SEVRAN")
        .queryParam("status", "CANCELLED")
        .queryParam("startFrom", "2027-03-01")
        .queryParam("startTo", "2027-03-01")
        .queryParam("size", 100)
        .get(COHORTS)
        .then()
        .body("items.find { it.id == '" + id + "' }.trainers", contains("Mme Dupont"));
    assertThat(column(id, "trainers")).containsExactly("Mme Dupont");
    assertThat(events(id, CohortOutbox.CANCELLED).toString()).doesNotContain("Dupont");
  }
}
