package org.passerelle.commons.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.problem.Problem;

/** Every error path of the HTTP API answers RFC 9457 problem+json (DESIGN §6). */
@QuarkusTest
class ProblemDetailsTest {

  private static final String NOTES = "/test/notes";

  @Test
  void malformedJsonIs400() {
    given()
        .contentType("application/json")
        .body("{\"text\": \"a\",")
        .post(NOTES)
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + "malformed-json"))
        .body("status", equalTo(400))
        .body("title", equalTo("JSON mal formé"))
        .body("detail", equalTo("Le corps de la requête n'est pas un JSON valide."));
  }

  @Test
  void wrongTypeNamesTheField() {
    given()
        .contentType("application/json")
        .header("Accept-Language", "en")
        .body("{\"text\": \"a\", \"colour\": \"RED\", \"priority\": \"high\"}")
        .post(NOTES)
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + "invalid-request"))
        .body("errors.field", contains("priority"))
        .body("title", equalTo("Invalid request"));
  }

  @Test
  void valuesOfTheWrongJsonTypeAreRefusedNotConverted() {
    for (String body :
        new String[] {
          "{\"text\": \"a\", \"colour\": \"RED\", \"priority\": \"5\"}",
          "{\"text\": \"a\", \"colour\": \"RED\", \"priority\": 2.5}",
          "{\"text\": \"a\", \"colour\": \"RED\", \"priority\": true}",
          "{\"text\": 5, \"colour\": \"RED\", \"priority\": 1}",
          "{\"text\": \"a\", \"colour\": 0, \"priority\": 1}"
        }) {
      given()
          .contentType("application/json")
          .body(body)
          .post(NOTES)
          .then()
          .statusCode(400)
          .contentType(Problem.MEDIA_TYPE)
          .body("type", equalTo(Problem.TYPE_BASE + "invalid-request"));
    }
    given()
        .contentType("application/json")
        .body("{\"text\": \"a\", \"colour\": \"RED\", \"priority\": 5}")
        .post(NOTES)
        .then()
        .statusCode(200);
  }

  @Test
  void unknownEnumValueIs400() {
    given()
        .contentType("application/json")
        .body("{\"text\": \"a\", \"colour\": \"PURPLE\"}")
        .post(NOTES)
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors.field", contains("colour"));
  }

  @Test
  void unknownFieldIs400() {
    given()
        .contentType("application/json")
        .body("{\"text\": \"a\", \"colour\": \"RED\", \"colur\": 1}")
        .post(NOTES)
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors.field", contains("colur"));
  }

  @Test
  void missingAndOversizeFieldsListEveryFieldError() {
    given()
        .contentType("application/json")
        .header("Accept-Language", "ar")
        .body("{\"text\": \"" + "x".repeat(21) + "\"}")
        .post(NOTES)
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + "validation-failed"))
        .body("errors.field", contains("colour", "text"))
        .body("title", equalTo("بيانات غير صالحة"));
  }

  @Test
  void missingBodyIs400() {
    given()
        .contentType("application/json")
        .post(NOTES)
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE);
  }

  @Test
  void oversizeBodyIs413() {
    given()
        .contentType("application/json")
        .body("{\"text\": \"" + "x".repeat(70_000) + "\", \"colour\": \"RED\"}")
        .post(NOTES)
        .then()
        .statusCode(413)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + "payload-too-large"));
  }

  @Test
  void unsupportedMediaTypeIs415() {
    given()
        .contentType("text/plain")
        .body("hello")
        .post(NOTES)
        .then()
        .statusCode(415)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + "unsupported-media-type"));
  }

  @Test
  void unsupportedMethodIs405() {
    given()
        .delete(NOTES)
        .then()
        .statusCode(405)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + "method-not-allowed"));
  }

  @Test
  void unknownPathIs404Problem() {
    given()
        .get("/test/nowhere")
        .then()
        .statusCode(404)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + "not-found"));
  }

  @Test
  void notFoundIs404() {
    given()
        .get(NOTES + "/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + "not-found"))
        .body(
            "detail",
            equalTo("Aucune ressource « note » avec cet identifiant dans votre périmètre."))
        .body("instance", startsWith("/test/notes/"));
    given()
        .header("Accept-Language", "ar, en;q=0.5")
        .get(NOTES + "/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(404)
        .header("Content-Language", "ar")
        .body("detail", equalTo("لا يوجد ملاحظة بهذا المعرّف ضمن نطاقك."));
  }

  @Test
  void badPathParameterIs404NotA500() {
    given().get(NOTES + "/not-a-uuid").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
  }

  @Test
  void idempotencyKeyReplaysTheFirstResultAndRefusesAnotherBody() {
    String key = "key-" + java.util.UUID.randomUUID();
    String first =
        given()
            .contentType("application/json")
            .header("Idempotency-Key", key)
            .body("{\"text\": \"once\", \"colour\": \"GREEN\"}")
            .post(NOTES)
            .then()
            .statusCode(200)
            .body("id", notNullValue())
            .extract()
            .path("id");
    given()
        .contentType("application/json")
        .header("Idempotency-Key", key)
        .body("{\"text\": \"once\", \"colour\": \"GREEN\"}")
        .post(NOTES)
        .then()
        .statusCode(200)
        .body("id", equalTo(first));
    given()
        .contentType("application/json")
        .header("Idempotency-Key", key)
        .body("{\"text\": \"twice\", \"colour\": \"GREEN\"}")
        .post(NOTES)
        .then()
        .statusCode(422)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + "idempotency-key-reused"));
  }

  @Test
  void protectedEndpointWithoutTokenIs401() {
    given().get(NOTES + "/scope").then().statusCode(401);
  }

  @Test
  void invalidTokenIs401() {
    given()
        .header("Authorization", "Bearer not.a.token")
        .get(NOTES + "/scope")
        .then()
        .statusCode(401);
  }

  @Test
  void scopeComesFromTheRealTokenClaims() {
    given()
        .header("Authorization", org.passerelle.commons.testing.Tokens.bearer("site-staff-fr"))
        .get(NOTES + "/scope")
        .then()
        .statusCode(200)
        .body("country", equalTo("FR"))
        .body("sites", contains("FR-SEVRAN"))
        .body("roles", hasItem("site-staff"));
  }
}
