package org.passerelle.commons.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.passerelle.problem.Problem;

/**
 * Errors that teach (issue 20): an enum lists its values, a date its format with an example, a body
 * reports all its problems at once, and fields are named by the request's JSON paths or parameter
 * names, never by Java's.
 */
@QuarkusTest
class TeachingErrorsTest {

  private static final String FORMS = "/test/forms";

  private static final String GOOD_HOLDER = "{\"city\": \"Sevran\", \"since\": \"2020-01-01\"}";

  private static ValidatableResponse post(String language, String body) {
    return given()
        .contentType("application/json")
        .header("Accept-Language", language)
        .body(body)
        .post(FORMS)
        .then()
        .contentType(Problem.MEDIA_TYPE);
  }

  private static String form(String colour, String birthDate) {
    return "{\"name\": \"Awa\", \"colour\": "
        + colour
        + ", \"birthDate\": "
        + birthDate
        + ", \"holder\": "
        + GOOD_HOLDER
        + "}";
  }

  @Test
  void anInvalidEnumValueListsTheAcceptedOnesInEachLanguage() {
    post("en", form("\"PURPLE\"", "\"2000-01-01\""))
        .statusCode(400)
        .body("type", equalTo(Problem.TYPE_BASE + "invalid-request"))
        .body("errors.field", contains("colour"))
        .body("errors[0].accepted", contains("RED", "GREEN"))
        .body("errors[0].message", equalTo("Field \"colour\" accepts only: RED, GREEN."))
        .body("detail", equalTo("Field \"colour\" accepts only: RED, GREEN."));
    post("fr", form("3", "\"2000-01-01\""))
        .statusCode(400)
        .body("errors[0].accepted", contains("RED", "GREEN"))
        .body("errors[0].message", equalTo("Le champ « colour » accepte seulement : RED, GREEN."));
    post("ar", form("\"red\"", "\"2000-01-01\""))
        .statusCode(400)
        .body("errors[0].message", equalTo("الحقل «colour» لا يقبل إلا: RED, GREEN."));
  }

  @Test
  void anInvalidDateSaysItsFormatWithAnExample() {
    for (String date : new String[] {"\"01/02/2000\"", "\"2000-13-01\"", "20000"}) {
      post("en", form("\"RED\"", date))
          .statusCode(400)
          .body("errors.field", contains("birthDate"))
          .body("errors[0].format", equalTo("date"))
          .body("errors[0].example", equalTo("2026-09-01"))
          .body(
              "errors[0].message",
              equalTo(
                  "Field \"birthDate\" takes a date in ISO 8601 format (YYYY-MM-DD),"
                      + " e.g. 2026-09-01."))
          .body("detail", containsString("YYYY-MM-DD"));
    }
    post(
            "fr",
            "{\"name\": \"Awa\", \"colour\": \"RED\", \"birthDate\": \"2000-01-01\", \"holder\": "
                + GOOD_HOLDER
                + ", \"meetingAt\": \"2026-09-01 08:30\", \"length\": \"90 minutes\","
                + " \"reference\": \"abc\"}")
        .statusCode(400)
        .body("errors.field", contains("length", "meetingAt", "reference"))
        .body("errors.format", contains("duration", "date-time", "uuid"))
        .body("errors.example", hasItem("2026-09-01T08:30:00+02:00"))
        .body("errors[0].message", containsString("PnDTnHnMnS"))
        .body("errors[1].message", containsString("AAAA-MM-JJThh:mm:ss±hh:mm"));
  }

  @Test
  void aBodyWithSeveralProblemsReportsAllOfThemWithTheirJsonPaths() {
    post(
            "en",
            "{\"name\": \""
                + "x".repeat(21)
                + "\", \"colour\": \"PURPLE\", \"birthDate\": \"yesterday\", \"colur\": 1,"
                + " \"holder\": {\"city\": 5, \"since\": \"2020-02-30\"},"
                + " \"items\": [{\"code\": \"A\"}, {\"code\": \"B\", \"colour\": \"BLUE\"},"
                + " {\"code\": \"TOOLONG\", \"extra\": true}]}")
        .statusCode(400)
        .body("type", equalTo(Problem.TYPE_BASE + "invalid-request"))
        .body("detail", equalTo("The request has 9 problems: see \"errors\"."))
        .body(
            "errors.field",
            contains(
                "birthDate",
                "colour",
                "colur",
                "holder.city",
                "holder.since",
                "items[1].colour",
                "items[2].code",
                "items[2].extra",
                "name"))
        // A value refused for its type is not reported again as missing.
        .body("errors.findAll { it.field == 'colour' }.size()", equalTo(1))
        .body("errors.find { it.field == 'items[1].colour' }.accepted", contains("RED", "GREEN"))
        .body("errors.find { it.field == 'holder.since' }.format", equalTo("date"))
        .body("errors.find { it.field == 'name' }.accepted", nullValue());
  }

  @Test
  void violationsAloneAreNamedByTheirJsonPathNotTheJavaParameter() {
    post(
            "en",
            "{\"name\": \"\", \"colour\": \"RED\", \"birthDate\": \"2000-01-01\", \"holder\":"
                + " {\"city\": \"\"}, \"items\": [{\"code\": \"A\"}, null]}")
        .statusCode(400)
        .body("type", equalTo(Problem.TYPE_BASE + "validation-failed"))
        .body("errors.field", containsInAnyOrder("holder.city", "holder.since", "items[1]", "name"))
        .body("errors.field", not(hasItem(containsString("form"))));
    given()
        .contentType("application/json")
        .body("null")
        .post(FORMS)
        .then()
        .statusCode(400)
        .body("errors.field", contains("$"));
  }

  @Test
  void fieldErrorsAreInTheCallersLanguage() {
    given()
        .header("Accept-Language", "en")
        .get("/test/notes?since=yesterday")
        .then()
        .statusCode(400)
        .body("errors.field", contains("since"))
        .body(
            "errors[0].message",
            equalTo(
                "Parameter \"since\" takes a date in ISO 8601 format (YYYY-MM-DD), e.g."
                    + " 2026-09-01."));
    given()
        .contentType("application/json")
        .header("Accept-Language", "ar")
        .body("{\"name\": \"a\", \"name\": \"b\"}")
        .post(FORMS)
        .then()
        .statusCode(400)
        .body("errors.field", contains("name"))
        .body("errors[0].message", containsString("«name»"));
  }

  @Test
  void parametersAreNamedAsTheRequestNamesThem() {
    given()
        .header("X-Form-Limit", "9")
        .get(FORMS + "?max-size=11")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + "validation-failed"))
        .body("errors.field", contains("X-Form-Limit", "max-size"));
  }

  @Test
  void aParameterWhosePatternListsItsValuesSaysThem() {
    given()
        .get(FORMS + "?state=NOPE")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + "validation-failed"))
        .body("errors.field", contains("state"))
        .body("errors[0].accepted", contains("OPEN", "CLOSED"));
    given().get(FORMS + "?state=OPEN").then().statusCode(200);
  }
}
