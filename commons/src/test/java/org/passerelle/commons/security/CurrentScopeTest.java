package org.passerelle.commons.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** How the token's claims become the caller's scope. */
class CurrentScopeTest {

  private static AccessScope scopeOf(Map<String, Object> claims) {
    Map<String, Object> all = new HashMap<>(claims);
    all.put("sub", "subject-1");
    JsonWebToken token =
        new JsonWebToken() {
          @Override
          public String getName() {
            return "subject-1";
          }

          @Override
          public Set<String> getClaimNames() {
            return all.keySet();
          }

          @Override
          @SuppressWarnings("unchecked")
          public <T> T getClaim(String name) {
            return (T) all.get(name);
          }
        };
    return CurrentScope.of(
        QuarkusSecurityIdentity.builder().setPrincipal(token).addRole(Roles.LEARNER).build());
  }

  @Test
  void theEmailIdentifiesOnlyOnceTheProviderVerifiedIt() {
    AccessScope verified =
        scopeOf(Map.of("country", "FR", "email", "Lina@Example.org", "email_verified", true));
    assertThat(verified.subject()).isEqualTo("subject-1");
    assertThat(verified.country()).contains("FR");
    assertThat(verified.email()).contains("Lina@Example.org");
    assertThat(verified.verifiedEmail()).contains("Lina@Example.org");

    AccessScope asJson =
        scopeOf(
            Map.of(
                "email", Json.createValue("lina@example.org"), "email_verified", JsonValue.TRUE));
    assertThat(asJson.verifiedEmail()).contains("lina@example.org");

    for (Object notVerified : new Object[] {false, JsonValue.FALSE, "true", 1}) {
      AccessScope scope =
          scopeOf(Map.of("email", "lina@example.org", "email_verified", notVerified));
      assertThat(scope.email()).contains("lina@example.org");
      assertThat(scope.verifiedEmail()).as("email_verified = %s", notVerified).isEmpty();
    }
    assertThat(scopeOf(Map.of("email", "lina@example.org")).verifiedEmail()).isEmpty();
    assertThat(scopeOf(Map.of("email_verified", true)).verifiedEmail()).isEmpty();
  }

  @Test
  void callersWithoutATokenHaveNoEmail() {
    AccessScope anonymous = CurrentScope.of(null);
    assertThat(anonymous.email()).isEmpty();
    assertThat(anonymous.verifiedEmail()).isEmpty();
  }
}
