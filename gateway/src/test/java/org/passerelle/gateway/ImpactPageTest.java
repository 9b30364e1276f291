package org.passerelle.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The impact page is public static files the build bundled (with Chart.js and keycloak-js), plus
 * where to sign in; the indicators it reads stay behind a token.
 */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class ImpactPageTest {

  @ConfigProperty(name = "quarkus.oidc.auth-server-url")
  String issuer;

  @Test
  void thePageAndItsBundleAreServedWithoutAToken() {
    given()
        .get("/impact/")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"))
        .body(containsString("<script type=\"module\" src=\"main.js\"></script>"))
        .body(containsString("id=\"chart-funnel\""));
    given()
        .get("/impact/main.js")
        .then()
        .statusCode(200)
        .contentType(containsString("javascript"))
        .body(containsString("passerelleImpact"));
    given().get("/impact/style.css").then().statusCode(200).contentType(startsWith("text/css"));
  }

  @Test
  void theBareAddressLeadsToThePageKeepingItsQuery() {
    given()
        .redirects()
        .follow(false)
        .get("/impact?lang=ar&from=2026-01-01")
        .then()
        .statusCode(301)
        .header("Location", "/impact/?lang=ar&from=2026-01-01");
  }

  @Test
  void thePageSignsInAtTheRealmTheGatewayTrustsWithThePublicClient() {
    given()
        .get("/impact/config.json")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .body("issuer", equalTo(issuer))
        .body("clientId", equalTo("passerelle-web"));
  }

  @Test
  void theIndicatorsItReadsNeedAToken() {
    given().get("/api/v1/indicators?from=2026-01-01&to=2026-12-31").then().statusCode(401);
    given().get("/api/v1/indicators/definitions").then().statusCode(401);
  }
}
