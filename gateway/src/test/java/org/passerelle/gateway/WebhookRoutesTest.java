package org.passerelle.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Tokens;

/**
 * Webhook subscriptions (ADR 0045) belong to enrollment-service, which tells them of applications:
 * a regional office's system reaches its own country's instance, never without a token.
 */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class WebhookRoutesTest {

  private static final String SUBSCRIPTIONS = "/api/v1/webhook-subscriptions";

  @Test
  void anOfficesSystemReachesItsCountrysEnrollmentService() {
    String id = "0b6f4c8e-3f5a-4a57-9a7e-1c2d3e4f5a6b";
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-ma"))
        .get(SUBSCRIPTIONS + "/" + id + "/deliveries")
        .then()
        .statusCode(200)
        .body("backend", equalTo("enrollment-ma"))
        .body("uri", equalTo(SUBSCRIPTIONS + "/" + id + "/deliveries"));
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .contentType("application/json")
        .body("{}")
        .post(SUBSCRIPTIONS)
        .then()
        .body("backend", equalTo("enrollment"))
        .body("method", equalTo("POST"));
  }

  @Test
  void withoutATokenNothingIsForwarded() {
    given().get(SUBSCRIPTIONS).then().statusCode(401).header("X-Backend", (String) null);
  }
}
