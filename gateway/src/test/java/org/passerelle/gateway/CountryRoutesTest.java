package org.passerelle.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Tokens;

/**
 * Two route sets, France's and Morocco's (see {@link EchoBackend}): each request lands on its
 * country's backends, under the same public API.
 */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class CountryRoutesTest {

  @Test
  void theTokensCountryChoosesTheBackendsAndCannotBeOverridden() {
    given()
        .header("Authorization", Tokens.bearer("country-admin-ma"))
        .get("/api/v1/applications/1")
        .then()
        .statusCode(200)
        .body("backend", equalTo("enrollment-ma"));
    given()
        .header("Authorization", Tokens.bearer("site-staff-fr"))
        .get("/api/v1/applications/1")
        .then()
        .statusCode(200)
        .body("backend", equalTo("enrollment"));
    // Morocco's cohort service is reached over https (the edge calls a country's ingress so): by
    // the name in its URL, which its certificate bears, on a TLS connection.
    given()
        .header("Authorization", Tokens.bearer("country-admin-ma"))
        .header("X-Passerelle-Country", "FR")
        .get("/api/v1/cohorts/1")
        .then()
        .statusCode(200)
        .body("backend", equalTo("cohort-ma"))
        .body("tls", equalTo(true))
        .body("headers.host", startsWith("localhost:"));
    given()
        .header("Authorization", Tokens.bearer("site-staff-fr"))
        .get("/api/v1/cohorts/1")
        .then()
        .statusCode(200)
        .body("backend", equalTo("cohort"))
        .body("tls", equalTo(false));
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-ma"))
        .get("/api/v1/applications/1")
        .then()
        .statusCode(200)
        .body("backend", equalTo("enrollment-ma"));
    // Morocco has no partnership service of its own here: the default one serves it.
    given()
        .header("Authorization", Tokens.bearer("country-admin-ma"))
        .get("/api/v1/partners/1")
        .then()
        .statusCode(200)
        .body("backend", equalTo("partnership"));
  }

  @Test
  void withoutACountryInTheTokenTheHeaderNamesItElseTheDefaultOne() {
    String admin = Tokens.bearer("platform-admin");
    given()
        .header("Authorization", admin)
        .header("X-Passerelle-Country", "MA")
        .get("/api/v1/applications/1")
        .then()
        .statusCode(200)
        .body("backend", equalTo("enrollment-ma"));
    given()
        .header("Authorization", admin)
        .get("/api/v1/applications/1")
        .then()
        .statusCode(200)
        .body("backend", equalTo("enrollment"));
    given()
        .header("X-Passerelle-Country", "ma")
        .get("/api/v1/certificates/q3Xv9_Zk-2mB7yTc1LwR8nHs4JdFa6Ge")
        .then()
        .statusCode(200)
        .body("backend", equalTo("cohort-ma"));
    given()
        .header("Authorization", admin)
        .header("X-Passerelle-Country", "ZZ")
        .header("Accept-Language", "en")
        .get("/api/v1/applications/1")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .header("X-Backend", (String) null)
        .body("type", equalTo("https://passerelle.org/problems/unknown-country"));
  }

  @Test
  void readinessListsEveryCountrysBackends() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(503)
        .body("checks.find { it.name == 'backends' }.data.'MA.enrollment'", equalTo("UP"))
        .body("checks.find { it.name == 'backends' }.data.'FR.enrollment'", equalTo("UP"))
        .body("checks.find { it.name == 'backends' }.data.'MA.partnership'", equalTo("UP"))
        .body("checks.find { it.name == 'backends' }.data.'MA.cohort'", equalTo("UP"))
        .body("checks.find { it.name == 'backends' }.data.'FR.placement'", equalTo("DOWN"));
  }
}
