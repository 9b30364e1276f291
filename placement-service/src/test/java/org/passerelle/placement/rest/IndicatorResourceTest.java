package org.passerelle.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/**
 * GET /api/v1/indicators, its definitions and the learners a figure counts, through the real
 * Keycloak's tokens: who may call what, bad query parameters answered 400 naming what is accepted,
 * and a filter outside the caller's scope giving no group. The figures themselves are checked on a
 * hand-built history (IndicatorCalculatorTest) and from real events (IndicatorEventsTest).
 */
@QuarkusTest
public class IndicatorResourceTest {

  static final String INDICATORS = "/api/v1/indicators";
  static final String PERIOD = "?from=2026-01-01&to=2026-06-30";

  @Test
  void definitionsNameTheirSourceVersionTitlesAndThresholds() {
    Api.as("site-staff-ma")
        .get(INDICATORS + "/definitions")
        .then()
        .statusCode(200)
        .body("id", hasItem("positive-exit-6m"))
        .body("id", hasItem("insertion-9m"))
        .body("version", everyItem(equalTo(1)))
        .body("titles.ar", everyItem(notNullValue()))
        .body("source.label", everyItem(notNullValue()))
        .body("find { it.id == 'women-share' }.thresholds.FR.min", equalTo(0.3f))
        .body("find { it.id == 'insertion-9m' }.countries", equalTo(java.util.List.of("MA")));
    Api.as("learner-fr").get(INDICATORS + "/definitions").then().statusCode(200);
  }

  @Test
  void everyReaderGetsAnAnswerOfItsScopeAndLearnersGet403() {
    for (String user :
        new String[] {"platform-admin", "country-admin-fr", "site-staff-ma", "partner-fr"}) {
      Api.as(user)
          .get(INDICATORS + PERIOD + "&groupBy=site")
          .then()
          .statusCode(200)
          .body("groupBy", equalTo("site"))
          .body("period.from", equalTo("2026-01-01"))
          .body("period.to", equalTo("2026-06-30"))
          .body("suppression.minCell", equalTo(5))
          .body("suppression.rule", containsString("minCell"))
          .body("computedAt", notNullValue());
    }
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-ma"))
        .get(INDICATORS + PERIOD)
        .then()
        .statusCode(200)
        .body("groupBy", equalTo("country"));
    Api.as("learner-fr").get(INDICATORS + PERIOD).then().statusCode(403);
    given().get(INDICATORS + PERIOD).then().statusCode(401);
  }

  @Test
  void aFilterOutsideTheCallersScopeGivesNoGroup() {
    Api.as("country-admin-fr")
        .get(INDICATORS + PERIOD + "&country=MA")
        .then()
        .statusCode(200)
        .body("groups", hasSize(0));
    Api.as("site-staff-fr")
        .get(INDICATORS + PERIOD + "&site=FR-CERGY&groupBy=cohort")
        .then()
        .statusCode(200)
        .body("groups", hasSize(0));
    Api.as("partner-fr")
        .get(INDICATORS + PERIOD + "&funderPartnerId=22222222-2222-4222-8222-222222222222")
        .then()
        .statusCode(200)
        .body("groups", hasSize(0));
  }

  @Test
  void badQueryParametersAnswer400NamingWhatIsAccepted() {
    problem(Api.as("platform-admin").get(INDICATORS + "?to=2026-06-30"), "from")
        .body("detail", containsString("from"));
    // one answer names every bad parameter: a missing period does not hide a misspelt grouping
    problem(Api.as("platform-admin").get(INDICATORS + "?groupBy=week"), "groupBy")
        .body("errors.field", hasItem("from"))
        .body("errors.field", hasItem("to"));
    problem(Api.as("platform-admin").get(INDICATORS + "?from=2026-01-01"), "to");
    problem(Api.as("platform-admin").get(INDICATORS + "?from=2026-13-01&to=2026-06-30"), "from");
    problem(Api.as("platform-admin").get(INDICATORS + "?from=2026-07-01&to=2026-06-30"), "to");
    problem(Api.as("platform-admin").get(INDICATORS + PERIOD + "&groupBy=week"), "groupBy")
        .body("detail", containsString("country, site, programme, cohort, funder"));
    problem(
            Api.as("platform-admin")
                .header("Accept-Language", "en")
                .get(INDICATORS + PERIOD + "&country=ES"),
            "country")
        .body("detail", equalTo("Parameter \"country\" accepts: FR, MA."));
    problem(
            Api.as("platform-admin")
                .get(INDICATORS + PERIOD + "&indicator=entrants&indicator=happiness"),
            "indicator")
        .body("detail", containsString("positive-exit-3m"));
    problem(Api.as("platform-admin").get(INDICATORS + PERIOD + "&cohortId=42"), "cohortId");
    problem(Api.as("platform-admin").get(INDICATORS + PERIOD + "&site=ES-MADRID"), "site");
    problem(Api.as("platform-admin").get(INDICATORS + PERIOD + "&sites=FR-SEVRAN"), "sites")
        .body("detail", containsString("groupBy"));
    problem(
        Api.as("platform-admin").get(INDICATORS + "/completion-rate/learners?from=x&to=2026-06-30"),
        "from");
  }

  static io.restassured.response.ValidatableResponse problem(
      io.restassured.response.Response response, String field) {
    return response
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }

  @Test
  void whichLearnersAFigureCountsIsForStaffOnly() {
    Api.as("country-admin-fr")
        .get(INDICATORS + "/completion-rate/learners" + PERIOD)
        .then()
        .statusCode(200)
        .body("indicator", equalTo("completion-rate"))
        .body("definitionVersion", equalTo(1))
        .body("counted", equalTo("LEARNER"))
        .body("numerator", notNullValue());
    Api.as("site-staff-fr")
        .get(INDICATORS + "/dropout-rate/learners" + PERIOD + "&category=FOUND_JOB")
        .then()
        .statusCode(200)
        .body("category", equalTo("FOUND_JOB"));
    Api.as("platform-admin")
        .get(INDICATORS + "/happiness/learners" + PERIOD)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Api.as("partner-fr").get(INDICATORS + "/entrants/learners" + PERIOD).then().statusCode(403);
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .get(INDICATORS + "/entrants/learners" + PERIOD)
        .then()
        .statusCode(403);
    Api.as("learner-fr").get(INDICATORS + "/entrants/learners" + PERIOD).then().statusCode(403);
  }
}
