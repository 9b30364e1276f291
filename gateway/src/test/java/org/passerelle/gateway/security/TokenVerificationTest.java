package org.passerelle.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.gateway.EchoBackend;

/**
 * The edge verifies a token once, then knows it until it expires (ADR 0035); never a refused one.
 */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class TokenVerificationTest {

  @Inject ProblemChallenge challenge;

  @Test
  void aTokenIsVerifiedOnceForAllItsRequests() {
    String token = Tokens.bearer("site-staff-fr");
    long before = challenge.verifications();
    for (int i = 0; i < 20; i++) {
      given()
          .header("Authorization", token)
          .get("/api/v1/applications/" + i)
          .then()
          .statusCode(200)
          .body("headers.authorization", org.hamcrest.Matchers.equalTo(token));
    }
    assertThat(challenge.verifications() - before).isLessThanOrEqualTo(1);
  }

  @Test
  void aRefusedTokenIsVerifiedEveryTimeAndStaysRefused() {
    long before = challenge.verifications();
    for (int i = 0; i < 3; i++) {
      given()
          .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
          .get("/api/v1/applications/1")
          .then()
          .statusCode(401);
    }
    assertThat(challenge.verifications() - before).isEqualTo(3);
  }
}
