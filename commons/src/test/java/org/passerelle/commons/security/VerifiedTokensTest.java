package org.passerelle.commons.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How long a verified token is remembered, and what is remembered of it (ADR 0034). */
class VerifiedTokensTest {

  /** Epoch seconds of the tokens' {@code exp}. */
  private static final long EXP = 2_000_000_000L;

  private final AtomicLong now = new AtomicLong();

  private static SecurityIdentity identity(String subject) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(() -> subject)
        .addRole(Roles.SITE_STAFF)
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
    tokens.remember(key, identity("lina"), EXP);

    now.set(EXP * 1000 - 1);
    assertThat(tokens.find(VerifiedTokens.keyOf("header.payload.signature"))).isNotNull();
    now.set(EXP * 1000);
    assertThat(tokens.find(key)).as("at exp, as the verification counts").isNull();
    now.set(EXP * 1000 - 1);
    assertThat(tokens.find(key)).as("forgotten once expired").isNull();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void aTokenIsFoundByItselfOnly() {
    VerifiedTokens tokens = new VerifiedTokens(10, 3_600_000, now::get);
    now.set(EXP * 1000 - 60_000);
    tokens.remember(VerifiedTokens.keyOf("header.payload.signature"), identity("lina"), EXP);

    assertThat(tokens.find(VerifiedTokens.keyOf("header.payload.signaturf"))).isNull();
    assertThat(tokens.find(VerifiedTokens.keyOf("header.payloae.signature"))).isNull();
    assertThat(
            tokens.find(VerifiedTokens.keyOf("header.payload.signature")).getPrincipal().getName())
        .isEqualTo("lina");
  }

  @Test
  void aVerificationIsReusedNoLongerThanTheMaximalAge() {
    VerifiedTokens tokens = new VerifiedTokens(10, 300_000, now::get);
    ByteBuffer key = VerifiedTokens.keyOf("a.b.c");
    now.set(EXP * 1000 - 3_600_000);
    tokens.remember(key, identity("lina"), EXP);

    now.addAndGet(299_999);
    assertThat(tokens.find(key)).isNotNull();
    now.addAndGet(1);
    assertThat(tokens.find(key)).isNull();
  }

  @Test
  void expiredTokensAndTokensWithoutExpiryAreNotRemembered() {
    VerifiedTokens tokens = new VerifiedTokens(10, 300_000, now::get);
    now.set(EXP * 1000);
    tokens.remember(VerifiedTokens.keyOf("a.b.c"), identity("lina"), EXP);
    tokens.remember(VerifiedTokens.keyOf("d.e.f"), identity("lina"), 0);
    assertThat(tokens.size()).isZero();
  }

  @Test
  void boundedInNumberAndExpiredEntriesMakeRoom() {
    VerifiedTokens tokens = new VerifiedTokens(2, 3_600_000, now::get);
    now.set(EXP * 1000 - 60_000);
    tokens.remember(VerifiedTokens.keyOf("a"), identity("a"), EXP - 30);
    tokens.remember(VerifiedTokens.keyOf("b"), identity("b"), EXP);
    tokens.remember(VerifiedTokens.keyOf("c"), identity("c"), EXP);
    assertThat(tokens.size()).isEqualTo(2);
    assertThat(tokens.find(VerifiedTokens.keyOf("c"))).as("full: verified each time").isNull();

    now.set((EXP - 30) * 1000);
    tokens.remember(VerifiedTokens.keyOf("c"), identity("c"), EXP);
    assertThat(tokens.find(VerifiedTokens.keyOf("c")))
        .as("room made by an expired one")
        .isNotNull();
    assertThat(tokens.size()).isEqualTo(2);

    VerifiedTokens none = new VerifiedTokens(0, 3_600_000, now::get);
    none.remember(VerifiedTokens.keyOf("a"), identity("a"), EXP);
    assertThat(none.size()).isZero();
  }

  @Test
  void nothingOfTheRequestItWasVerifiedInIsKeptOrHandedOn() {
    VerifiedTokens tokens = new VerifiedTokens(10, 3_600_000, now::get);
    ByteBuffer key = VerifiedTokens.keyOf("a.b.c");
    now.set(EXP * 1000 - 60_000);
    SecurityIdentity verified = identity("lina");
    tokens.remember(key, verified, EXP);

    SecurityIdentity kept = tokens.find(key);
    assertThat(kept.getAttributes())
        .containsEntry("tenant-id", "Default")
        .doesNotContainKeys(VerifiedTokens.ROUTING_CONTEXT, VerifiedTokens.REQUEST_CONTEXT);
    assertThat(kept.getRoles()).containsExactly(Roles.SITE_STAFF);
    assertThat(kept.getPrincipal()).isSameAs(verified.getPrincipal());

    Object routing = new Object();
    Object context = new Object();
    SecurityIdentity served = VerifiedTokens.copy(kept, routing, context);
    assertThat(served.<Object>getAttribute(VerifiedTokens.ROUTING_CONTEXT)).isSameAs(routing);
    assertThat(served.<Object>getAttribute(VerifiedTokens.REQUEST_CONTEXT)).isSameAs(context);
    assertThat(served.getRoles()).containsExactly(Roles.SITE_STAFF);
  }
}
