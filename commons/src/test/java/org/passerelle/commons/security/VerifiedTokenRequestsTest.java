package org.passerelle.commons.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.passerelle.claims.VerifiedTokens;
import org.passerelle.commons.testing.Tokens;

/**
 * A bearer token verified once is served from memory on the next requests, with the same scope (ADR
 * 0034); anything that is not exactly that token is still verified, and refused when bad.
 */
@QuarkusTest
class VerifiedTokenRequestsTest {

  private static final String SCOPE = "/test/notes/scope";

  @Inject VerifiedTokens tokens;

  private static String scopeWith(String token) {
    return given()
        .header("Authorization", "Bearer " + token)
        .get(SCOPE)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static int statusWith(String token) {
    return given().header("Authorization", "Bearer " + token).get(SCOPE).statusCode();
  }

  @Test
  void aTokenVerifiedOnceIsRememberedAndGivesTheSameScope() {
    String token = Tokens.of("site-staff-fr");
    String first = scopeWith(token);
    assertThat(tokens.find(VerifiedTokens.keyOf(token))).as("remembered once verified").isNotNull();
    long hits = tokens.hits();

    String again = scopeWith(token);

    assertThat(tokens.hits()).as("served from memory").isGreaterThan(hits);
    assertThat(again).isEqualTo(first).contains("site-staff").contains("FR");
  }

  @Test
  void editedCopiesOfARememberedTokenAreVerifiedAndRefused() {
    String token = Tokens.of("site-staff-fr");
    scopeWith(token);
    String[] parts = token.split("\\.");

    String otherSignature =
        parts[0]
            + "."
            + parts[1]
            + "."
            + parts[2].substring(0, parts[2].length() - 4)
            + (parts[2].endsWith("AAAA") ? "BBBB" : "AAAA");
    String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String moreRoles = json.replace("\"site-staff\"", "\"platform-admin\"");
    assertThat(moreRoles).isNotEqualTo(json);
    String otherClaims =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(moreRoles.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThat(statusWith(otherSignature)).isEqualTo(401);
    assertThat(statusWith(otherClaims)).isEqualTo(401);
    assertThat(tokens.find(VerifiedTokens.keyOf(otherSignature))).isNull();
    assertThat(tokens.find(VerifiedTokens.keyOf(otherClaims))).isNull();
    assertThat(statusWith(token)).as("the real one still gets in").isEqualTo(200);
  }
}
