package org.passerelle.claims;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

  /** A token whose claims are what a library may hand over: Java values or JSON-P values. */
  private static JsonWebToken token(Map<String, Object> claims) {
    return new JsonWebToken() {
      @Override
      public String getName() {
        return (String) claims.get("sub");
      }

      @Override
      public Set<String> getClaimNames() {
        return claims.keySet();
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> T getClaim(String claimName) {
        return (T) claims.get(claimName);
      }
    };
  }

  @Test
  void readsJavaValues() {
    TokenClaims claims =
        TokenClaims.of(
            token(
                Map.of(
                    "sub", "u-1",
                    "country", "FR",
                    "sites", List.of("FR-PARIS", " ", "FR-LYON"),
                    "email_verified", Boolean.TRUE,
                    "azp", "office-app")));
    assertThat(claims.subject()).isEqualTo("u-1");
    assertThat(claims.country()).contains("FR");
    assertThat(claims.sites()).containsExactly("FR-PARIS", "FR-LYON");
    assertThat(claims.emailVerified()).isTrue();
    assertThat(claims.authorizedParty()).contains("office-app");
    assertThat(claims.partnerId()).isEmpty();
  }

  @Test
  void readsJsonValuesWithoutTheirQuotes() {
    TokenClaims claims =
        TokenClaims.of(
            token(
                Map.of(
                    "country", Json.createValue("MA"),
                    "sites", Json.createArrayBuilder().add("MA-RABAT").build(),
                    "partner_id", Json.createValue("p-9"),
                    "email_verified", Json.createValue("true"))));
    assertThat(claims.country()).contains("MA");
    assertThat(claims.sites()).containsExactly("MA-RABAT");
    assertThat(claims.partnerId()).contains("p-9");
    // The text "true" is not JSON true: an unverified email stays unverified.
    assertThat(claims.emailVerified()).isFalse();
  }

  @Test
  void oneTextIsAListOfOneAndBlankIsAbsent() {
    TokenClaims claims = TokenClaims.of(token(Map.of("sites", "FR-PARIS", "country", "  ")));
    assertThat(claims.sites()).containsExactly("FR-PARIS");
    assertThat(claims.country()).isEmpty();
    assertThat(claims.texts("missing")).isEmpty();
    assertThat(claims.isTrue("missing")).isFalse();
  }
}
