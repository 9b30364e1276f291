package org.passerelle.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.passerelle.gateway.routing.Caller;

class VerifiedTokensTest {

  private static final long NOW = 1_800_000_000L;

  @Test
  void aVerifiedTokenIsKnownUntilItExpiresWithItsCallerAndTheRequestsOwnObjects() {
    VerifiedTokens tokens = new VerifiedTokens(10);
    Object firstRequest = new Object();
    tokens.remember("token-a", identity(NOW + 60, firstRequest), NOW);

    Object laterRequest = new Object();
    SecurityIdentity known = tokens.identity("token-a", NOW + 59, laterRequest, "later");
    assertThat(known).isNotNull();
    assertThat(known.getPrincipal().getName()).isEqualTo("amina");
    assertThat(known.getRoles()).containsExactly("site-staff");
    assertThat(known.<Object>getAttribute(VerifiedTokens.ROUTING_CONTEXT)).isSameAs(laterRequest);
    assertThat(known.<Object>getAttribute(VerifiedTokens.REQUEST_CONTEXT)).isEqualTo("later");
    assertThat(known.<Caller>getAttribute(Caller.ATTRIBUTE))
        .isEqualTo(new Caller("passerelle-web", "amina", "FR"));

    assertThat(tokens.identity("token-a", NOW + 60, laterRequest, null)).isNull();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void onlyTheVeryTokenVerifiedMatches() {
    VerifiedTokens tokens = new VerifiedTokens(10);
    tokens.remember("header.payload.signature", identity(NOW + 60, null), NOW);
    assertThat(tokens.identity("header.payload.signaturf", NOW, null, null)).isNull();
    assertThat(tokens.identity("header.payload.signature ", NOW, null, null)).isNull();
    assertThat(tokens.identity("header.payload.signature", NOW, null, null)).isNotNull();
  }

  @Test
  void anonymousExpiredOrUntimedIdentitiesAreNotKept() {
    VerifiedTokens tokens = new VerifiedTokens(10);
    tokens.remember("anonymous", QuarkusSecurityIdentity.builder().setAnonymous(true).build(), NOW);
    tokens.remember("expired", identity(NOW, null), NOW);
    tokens.remember("untimed", identity(0, null), NOW);
    assertThat(tokens.size()).isZero();
  }

  @Test
  void atMostTheLimitIsKeptAndExpiredTokensMakeRoom() {
    VerifiedTokens tokens = new VerifiedTokens(2);
    tokens.remember("a", identity(NOW + 10, null), NOW);
    tokens.remember("b", identity(NOW + 100, null), NOW);
    tokens.remember("c", identity(NOW + 100, null), NOW + 1);
    assertThat(tokens.size()).isEqualTo(2);
    assertThat(tokens.identity("c", NOW + 1, null, null)).isNull();
    tokens.remember("c", identity(NOW + 100, null), NOW + 20);
    assertThat(tokens.identity("c", NOW + 20, null, null)).isNotNull();
    assertThat(tokens.identity("a", NOW + 20, null, null)).isNull();
  }

  private static SecurityIdentity identity(long expiresAt, Object routingContext) {
    Map<String, Object> claims =
        Map.of(
            "sub", "amina",
            "azp", "passerelle-web",
            "country", "FR",
            "exp", expiresAt);
    JsonWebToken token =
        new JsonWebToken() {
          @Override
          public String getName() {
            return "amina";
          }

          @Override
          public Set<String> getClaimNames() {
            return claims.keySet();
          }

          @Override
          @SuppressWarnings("unchecked")
          public <T> T getClaim(String name) {
            return (T) claims.get(name);
          }
        };
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(token)
        .addRole("site-staff")
        .addAttribute(VerifiedTokens.ROUTING_CONTEXT, routingContext)
        .build();
  }
}
