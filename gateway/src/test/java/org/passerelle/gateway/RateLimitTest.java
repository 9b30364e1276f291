package org.passerelle.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Tokens;

/** Small limits per client class: the request past the limit gets 429, other clients do not. */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

  public static class SmallLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      String prefix = "passerelle.gateway.rate-limits.classes.";
      return Map.of(
          prefix + "front-end.requests", "3",
          prefix + "front-end.period", "PT1H",
          prefix + "front-end.burst", "3",
          prefix + "anonymous.requests", "2",
          prefix + "anonymous.period", "PT1H",
          prefix + "anonymous.burst", "2");
    }
  }

  private static final String CERTIFICATE = "/api/v1/certificates/q3Xv9_Zk-2mB7yTc1LwR8nHs4JdFa6Ge";

  @Test
  void aFrontEndUserPastTheLimitGets429WithRetryAfterAndOthersAreNotAffected() {
    String user = Tokens.bearer("site-staff-fr");
    for (int remaining = 2; remaining >= 0; remaining--) {
      given()
          .header("Authorization", user)
          .get("/api/v1/sites")
          .then()
          .statusCode(200)
          .header("RateLimit-Remaining", String.valueOf(remaining));
    }
    given()
        .header("Authorization", user)
        .header("Accept-Language", "en")
        .get("/api/v1/sites")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", matchesRegex("[1-9][0-9]*"))
        .header("X-Backend", (String) null)
        .body("type", equalTo("https://passerelle.org/problems/too-many-requests"))
        .body("title", equalTo("Too many requests"));
    given()
        .header("Authorization", Tokens.bearer("country-admin-fr"))
        .get("/api/v1/sites")
        .then()
        .statusCode(200);
    // Integration clients are another class, with its own (here unchanged) limit.
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .get("/api/v1/sites")
        .then()
        .statusCode(200);
  }

  @Test
  void callersWithoutATokenAreLimitedByAddress() {
    given().get(CERTIFICATE).then().statusCode(200);
    given().get(CERTIFICATE).then().statusCode(200);
    given()
        .get(CERTIFICATE)
        .then()
        .statusCode(429)
        .header("Retry-After", matchesRegex("[1-9][0-9]*"));
    // A user's token is not counted against the address.
    given()
        .header("Authorization", Tokens.bearer("platform-admin"))
        .get(CERTIFICATE)
        .then()
        .statusCode(200);
  }
}
