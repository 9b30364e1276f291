package org.passerelle.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document says which strings naming who acted are deprecated, until when, and what
 * replaces them: the shared Actor object (ADR 0044).
 */
@QuarkusTest
class ActorsInOpenApiTest {

  @Test
  void theStringsAreDeprecatedForTheActorObject() {
    String decision = "components.schemas.Decision.properties.";
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("components.schemas.Actor.properties.keySet()", hasItems("type", "id", "displayName"))
        .body("components.schemas.ActorType.enum", hasItems("PERSON", "SYSTEM"))
        .body(decision + "decidedBy.deprecated", equalTo(true))
        .body(decision + "decidedBy.description", containsString("removed after 2027-06-30"))
        .body(decision + "decidedByType.deprecated", equalTo(true))
        .body(decision + "decidedByActor.toString()", containsString("Actor"))
        .body(
            "components.schemas.SensitiveDataAccessView.properties.actor.deprecated", equalTo(true))
        .body(
            "components.schemas.SensitiveDataAccessView.properties.actedBy.toString()",
            containsString("Actor"));
  }
}
