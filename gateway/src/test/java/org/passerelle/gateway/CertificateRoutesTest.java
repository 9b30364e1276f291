package org.passerelle.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Tokens;

/**
 * A public API path (the other is the open intakes, OpenIntakeRoutesTest): anyone checks a
 * certificate through the edge without a token, while revoking it and reading its audit trail stop
 * there without one.
 */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class CertificateRoutesTest {

  private static final String CERTIFICATE = "/api/v1/certificates/q3Xv9_Zk-2mB7yTc1LwR8nHs4JdFa6Ge";

  @Test
  void anUnauthenticatedCheckOfACertificateReachesCohortService() {
    given()
        .get(CERTIFICATE)
        .then()
        .statusCode(200)
        .header("X-Backend", "echo")
        .body("backend", equalTo("cohort"))
        .body("method", equalTo("GET"))
        .body("uri", equalTo(CERTIFICATE));
  }

  @Test
  void revokingAndTheAuditTrailNeedAToken() {
    given()
        .contentType("application/json")
        .body("{\"reason\": \"fraud\"}")
        .post(CERTIFICATE + "/revoke")
        .then()
        .statusCode(401)
        .header("X-Backend", (String) null);
    given().get(CERTIFICATE + "/audit").then().statusCode(401).header("X-Backend", (String) null);
    given().get(CERTIFICATE + "/audit/x").then().statusCode(401);
    // Only reading is public: no other method on the certificate itself.
    for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
      given()
          .contentType("application/json")
          .body("{}")
          .request(method, CERTIFICATE)
          .then()
          .statusCode(401)
          .header("X-Backend", (String) null);
    }
    // With a token they go through, to be judged by cohort-service.
    given()
        .header("Authorization", Tokens.bearer("country-admin-fr"))
        .contentType("application/json")
        .body("{\"reason\": \"fraud\"}")
        .post(CERTIFICATE + "/revoke")
        .then()
        .statusCode(201)
        .body("backend", equalTo("cohort"))
        .body("uri", equalTo(CERTIFICATE + "/revoke"));
    given()
        .header("Authorization", Tokens.bearer("country-admin-fr"))
        .get(CERTIFICATE + "/audit")
        .then()
        .statusCode(200)
        .body("backend", equalTo("cohort"));
  }

  @Test
  void aBadTokenIsRefusedEvenOnThePublicPath() {
    given()
        .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
        .get(CERTIFICATE)
        .then()
        .statusCode(401)
        .header("X-Backend", (String) null);
  }

  @Test
  void nothingElseOfTheApiBecamePublic() {
    for (String path :
        new String[] {
          "/api/v1/cohorts/x",
          "/api/v1/cohorts/x/certification-results",
          "/api/v1/applications/x",
          "/api/v1/certificatesx",
          "/api/v1/sites"
        }) {
      given().get(path).then().statusCode(401).header("X-Backend", (String) null);
    }
  }
}
