package org.passerelle.enrollment.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.CapturedLogs;
import org.passerelle.commons.testing.Tokens;

/**
 * Tokens that must not get in (DESIGN §5): each answers 401 and says nothing about why, so a caller
 * probing the API learns nothing.
 */
@QuarkusTest
class BadTokensTest {

  private static final String URL = "/api/v1/applications/" + UUID.randomUUID();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private static String part(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String claims(String issuer, String audience, long expiresAt) {
    return part(
        """
        {"iss":"%s","aud":"%s","sub":"attacker","exp":%d,"iat":%d,
         "realm_access":{"roles":["platform-admin"]}}
        """
            .formatted(issuer, audience, expiresAt, Instant.now().getEpochSecond()));
  }

  private static String selfSigned(String payload) throws Exception {
    var keys = KeyPairGenerator.getInstance("RSA");
    keys.initialize(2048);
    var pair = keys.generateKeyPair();
    String signingInput =
        part("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}") + "." + payload;
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(pair.getPrivate());
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + B64.encodeToString(signature.sign());
  }

  private static void assertRefusedWithoutDetail(String authorization) {
    var request = given();
    if (authorization != null) {
      request = request.header("Authorization", authorization);
    }
    Response response = request.get(URL);
    assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
    assertThat(response.body().asString()).doesNotContainIgnoringCase("signature");
    assertThat(response.body().asString()).doesNotContainIgnoringCase("expired");
    assertThat(response.body().asString()).doesNotContainIgnoringCase("issuer");
  }

  @Test
  void noTokenAndGarbageAreRefused() {
    assertRefusedWithoutDetail(null);
    assertRefusedWithoutDetail("Bearer ");
    assertRefusedWithoutDetail("Bearer not-a-jwt");
    assertRefusedWithoutDetail("Basic cGxhdGZvcm0tYWRtaW46cGFzc2VyZWxsZQ==");
  }

  @Test
  void unsignedTokensAreRefused() {
    long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
    String payload = claims(Tokens.ISSUER, "passerelle-api", inAnHour);
    assertRefusedWithoutDetail(
        "Bearer " + part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".");
  }

  @Test
  void forgedSignaturesAreRefused() throws Exception {
    long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
    assertRefusedWithoutDetail(
        "Bearer " + selfSigned(claims(Tokens.ISSUER, "passerelle-api", inAnHour)));
    // A real token whose claims were edited no longer matches Keycloak's signature.
    String[] real = Tokens.of("site-staff-fr").split("\\.");
    String tampered =
        real[0] + "." + claims(Tokens.ISSUER, "passerelle-api", inAnHour) + "." + real[2];
    assertRefusedWithoutDetail("Bearer " + tampered);
  }

  /**
   * A token naming a key Keycloak does not have is refused here, after at most one fetch of
   * Keycloak's keys: never sent to Keycloak's introspection, which this service has no secret for
   * and which anyone could otherwise make it call once per request.
   */
  @Test
  void aTokenNamingAnUnknownKeyIsRefusedWithoutAskingKeycloak() throws Exception {
    long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
    try (CapturedLogs logs = CapturedLogs.of("io.quarkus.oidc")) {
      for (int i = 0; i < 3; i++) {
        assertRefusedWithoutDetail(
            "Bearer " + selfSigned(claims(Tokens.ISSUER, "passerelle-api", inAnHour)));
      }
      assertThat(logs.texts()).noneMatch(line -> line.contains("introspect"));
    }
  }

  /**
   * Keycloak only signs tokens for its own issuer and our audience, so these claims can only be
   * forged; what this proves is that no forged variant gets through.
   */
  @Test
  void claimsOfAnotherIssuerAudienceOrAPastExpiryAreRefused() throws Exception {
    long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
    long anHourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
    String[] real = Tokens.of("site-staff-fr").split("\\.");
    for (String payload :
        new String[] {
          claims("http://127.0.0.1:8180/realms/other", "passerelle-api", inAnHour),
          claims(Tokens.ISSUER, "some-other-api", inAnHour),
          claims(Tokens.ISSUER, "passerelle-api", anHourAgo)
        }) {
      assertRefusedWithoutDetail("Bearer " + real[0] + "." + payload + "." + real[2]);
      assertRefusedWithoutDetail("Bearer " + selfSigned(payload));
    }
  }

  @Test
  void theRealTokenGetsThrough() {
    given()
        .header("Authorization", Tokens.bearer("platform-admin"))
        .get(URL)
        .then()
        .statusCode(404);
  }
}
