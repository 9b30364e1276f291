package org.passerelle.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.passerelle.claims.VerifiedTokens;
import org.passerelle.commons.testing.CapturedLogs;
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

  /**
   * A signed token naming a key Keycloak does not have is refused at the edge after at most one
   * fetch of Keycloak's keys, never sent to Keycloak's introspection: anyone could otherwise make
   * the gateway call Keycloak once per request.
   */
  @Test
  void aTokenNamingAnUnknownKeyIsRefusedWithoutAskingKeycloak() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair forger = generator.generateKeyPair();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
    String input =
        b64.encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}"
                    .getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(
                ("{\"iss\":\""
                        + Tokens.ISSUER
                        + "\",\"aud\":\"passerelle-api\",\"sub\":\"attacker\",\"exp\":"
                        + inAnHour
                        + ",\"realm_access\":{\"roles\":[\"platform-admin\"]}}")
                    .getBytes(StandardCharsets.UTF_8));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(forger.getPrivate());
    signature.update(input.getBytes(StandardCharsets.US_ASCII));
    String forged = input + "." + b64.encodeToString(signature.sign());

    try (CapturedLogs logs = CapturedLogs.of("io.quarkus.oidc")) {
      for (int i = 0; i < 3; i++) {
        given()
            .header("Authorization", "Bearer " + forged)
            .get("/api/v1/applications/1")
            .then()
            .statusCode(401);
      }
      assertThat(logs.texts()).noneMatch(line -> line.contains("introspect"));
    }
  }
}
