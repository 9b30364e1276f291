package org.passerelle.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.claims.VerifiedTokens;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.gateway.EchoBackend;
import org.passerelle.gateway.routing.Caller;

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
    SecurityIdentity kept =
        challenge.verified().find(VerifiedTokens.keyOf(token.substring("Bearer ".length())));
    assertThat(kept.<Caller>getAttribute(Caller.ATTRIBUTE))
        .as("kept with the caller read once")
        .isEqualTo(
            Caller.of(
                QuarkusSecurityIdentity.builder(kept).addAttribute(Caller.ATTRIBUTE, null).build()))
        .extracting(Caller::country)
        .isEqualTo("FR");
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
