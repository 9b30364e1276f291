package org.passerelle.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A learner portal lists the intakes open to applications before sign-in (ADR 0039): that GET goes
 * through the edge without a token, to the country's enrollment-service; nothing else of the
 * intakes does.
 */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class OpenIntakeRoutesTest {

  private static final String OPEN = "/api/v1/intakes/open";

  @Test
  void anyoneListsTheOpenIntakesOfTheCountryTheyName() {
    given()
        .header("X-Passerelle-Country", "MA")
        .queryParam("programme", "WEB-DEV")
        .get(OPEN)
        .then()
        .statusCode(200)
        .body("backend", equalTo("enrollment-ma"))
        .body("method", equalTo("GET"))
        .body("uri", equalTo(OPEN + "?programme=WEB-DEV"));
  }

  @Test
  void theRestOfTheIntakesNeedsAToken() {
    for (String path :
        new String[] {"/api/v1/intakes", "/api/v1/intakes/x", "/api/v1/intakes/open/x"}) {
      given().get(path).then().statusCode(401).header("X-Backend", (String) null);
    }
    for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
      given()
          .contentType("application/json")
          .body("{}")
          .request(method, OPEN)
          .then()
          .statusCode(401)
          .header("X-Backend", (String) null);
    }
  }
}
