package org.passerelle.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * How long a verified token is remembered, and what is remembered of it (ADR 0034), for the
 * services and the edge alike (ADR 0035).
 */
class VerifiedTokensTest {

  /** Epoch seconds of the tokens' {@code exp}. */
  private static final long EXP = 2_000_000_000L;

  private static final String CALLER = "org.passerelle.gateway.routing.Caller";

  private final AtomicLong now = new AtomicLong();

  private static SecurityIdentity identity(String subject, long expiresAt) {
    Map<String, Object> claims = Map.of("sub", subject, "azp", "passerelle-web", "exp", expiresAt);
    JsonWebToken token =
        new JsonWebToken() {
          @Override
          public String getName() {
            return subject;
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
        .addAttribute("tenant-id", "Default")
        .addAttribute(VerifiedTokens.ROUTING_CONTEXT, new Object())
        .addAttribute(VerifiedTokens.REQUEST_CONTEXT, new Object())
        .build();
  }

  @Test
  void aTokenIsFoundUntilTheSecondItExpiresAndNeverAfter() {
    VerifiedTokens tokens = new VerifiedTokens(10, 3_600_000, now::get);
    ByteBuffer key = VerifiedTokens.keyOf("header.payload.signature");
    now.set(EXP * 1000 - 60_000);
    tokens.remember(key, identity("lina", EXP));

    now.set(EXP * 1000 - 1);
    assertThat(tokens.find(VerifiedTokens.keyOf("header.payload.signature"))).isNotNull();
    now.set(EXP * 1000);
    assertThat(tokens.find(key)).as("at exp, as the verification counts").isNull();
    now.set(EXP * 1000 - 1);
    assertThat(tokens.find(key)).as("forgotten once expired").isNull();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void withoutMaximalAgeATokenIsFoundUntilItsExp() {
    VerifiedTokens tokens = new VerifiedTokens(10, Long.MAX_VALUE, now::get);
    ByteBuffer key = VerifiedTokens.keyOf("a.b.c");
    now.set(EXP * 1000 - 3_600_000);
    tokens.remember(key, identity("lina", EXP));

    now.set(EXP * 1000 - 1);
    assertThat(tokens.find(key)).isNotNull();
    now.set(EXP * 1000);
    assertThat(tokens.find(key)).isNull();
  }

  @Test
  void aTokenIsFoundByItselfOnly() {
    VerifiedTokens tokens = new VerifiedTokens(10, 3_600_000, now::get);
    now.set(EXP * 1000 - 60_000);
    tokens.remember(VerifiedTokens.keyOf("header.payload.signature"), identity("lina", EXP));

    assertThat(tokens.find(VerifiedTokens.keyOf("header.payload.signaturf"))).isNull();
    assertThat(tokens.find(VerifiedTokens.keyOf("header.payloae.signature"))).isNull();
    assertThat(tokens.find(VerifiedTokens.keyOf("header.payload.signature "))).isNull();
    assertThat(tokens.find(VerifiedTokens.keyOf("header.payload.signatur\u0165"))).isNull();
    assertThat(
            tokens.find(VerifiedTokens.keyOf("header.payload.signature")).getPrincipal().getName())
        .isEqualTo("lina");
  }

  @Test
  void aVerificationIsReusedNoLongerThanTheMaximalAge() {
    VerifiedTokens tokens = new VerifiedTokens(10, 300_000, now::get);
    ByteBuffer key = VerifiedTokens.keyOf("a.b.c");
    now.set(EXP * 1000 - 3_600_000);
    tokens.remember(key, identity("lina", EXP));

    now.addAndGet(299_999);
    assertThat(tokens.find(key)).isNotNull();
    now.addAndGet(1);
    assertThat(tokens.find(key)).isNull();
  }

  @Test
  void anonymousExpiredAndUntimedIdentitiesAreNotRemembered() {
    VerifiedTokens tokens = new VerifiedTokens(10, 300_000, now::get);
    now.set(EXP * 1000);
    tokens.remember(
        VerifiedTokens.keyOf("anonymous"),
        QuarkusSecurityIdentity.builder().setAnonymous(true).build());
    tokens.remember(
        VerifiedTokens.keyOf("no-token"),
        QuarkusSecurityIdentity.builder().setPrincipal(() -> "lina").build());
    tokens.remember(VerifiedTokens.keyOf("expired"), identity("lina", EXP));
    tokens.remember(VerifiedTokens.keyOf("untimed"), identity("lina", 0));
    assertThat(tokens.size()).isZero();
  }

  @Test
  void boundedInNumberAndExpiredEntriesMakeRoom() {
    VerifiedTokens tokens = new VerifiedTokens(2, 3_600_000, now::get);
    now.set(EXP * 1000 - 60_000);
    tokens.remember(VerifiedTokens.keyOf("a"), identity("a", EXP - 30));
    tokens.remember(VerifiedTokens.keyOf("b"), identity("b", EXP));
    tokens.remember(VerifiedTokens.keyOf("c"), identity("c", EXP));
    assertThat(tokens.size()).isEqualTo(2);
    assertThat(tokens.find(VerifiedTokens.keyOf("c"))).as("full: verified each time").isNull();

    now.set((EXP - 30) * 1000);
    tokens.remember(VerifiedTokens.keyOf("c"), identity("c", EXP));
    assertThat(tokens.find(VerifiedTokens.keyOf("c")))
        .as("room made by an expired one")
        .isNotNull();
    assertThat(tokens.find(VerifiedTokens.keyOf("a"))).isNull();
    assertThat(tokens.size()).isEqualTo(2);

    VerifiedTokens none = new VerifiedTokens(0, 3_600_000, now::get);
    none.remember(VerifiedTokens.keyOf("a"), identity("a", EXP));
    assertThat(none.size()).isZero();
  }

  @Test
  void nothingOfTheRequestItWasVerifiedInIsKeptOrHandedOn() {
    VerifiedTokens tokens = new VerifiedTokens(10, 3_600_000, now::get);
    ByteBuffer key = VerifiedTokens.keyOf("a.b.c");
    now.set(EXP * 1000 - 60_000);
    SecurityIdentity verified = identity("lina", EXP);
    tokens.remember(key, verified);

    SecurityIdentity kept = tokens.find(key);
    assertThat(kept.getAttributes())
        .containsEntry("tenant-id", "Default")
        .doesNotContainKeys(VerifiedTokens.ROUTING_CONTEXT, VerifiedTokens.REQUEST_CONTEXT);
    assertThat(kept.getRoles()).containsExactly("site-staff");
    assertThat(kept.getPrincipal()).isSameAs(verified.getPrincipal());

    Object routing = new Object();
    Object context = new Object();
    SecurityIdentity served = tokens.find(key, routing, context);
    assertThat(served.<Object>getAttribute(VerifiedTokens.ROUTING_CONTEXT)).isSameAs(routing);
    assertThat(served.<Object>getAttribute(VerifiedTokens.REQUEST_CONTEXT)).isSameAs(context);
    assertThat(served.getRoles()).containsExactly("site-staff");
    assertThat(served.getPrincipal()).isSameAs(verified.getPrincipal());
  }

  @Test
  void attributesGivenWhenRememberedComeWithEachReuse() {
    VerifiedTokens tokens = new VerifiedTokens(10, Long.MAX_VALUE, now::get);
    ByteBuffer key = VerifiedTokens.keyOf("a.b.c");
    now.set(EXP * 1000 - 60_000);
    Object caller = new Object();
    tokens.remember(key, identity("amina", EXP), Map.of(CALLER, caller));

    Object routing = new Object();
    SecurityIdentity served = tokens.find(key, routing, "later");
    assertThat(served.<Object>getAttribute(CALLER)).isSameAs(caller);
    assertThat(served.getPrincipal().getName()).isEqualTo("amina");
    assertThat(served.<Object>getAttribute(VerifiedTokens.ROUTING_CONTEXT)).isSameAs(routing);
    assertThat(served.<Object>getAttribute(VerifiedTokens.REQUEST_CONTEXT)).isEqualTo("later");
    assertThat(tokens.find(key, new Object(), null).<Object>getAttribute(CALLER)).isSameAs(caller);
  }
}
