package org.passerelle.commons.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.util.Map;
import org.passerelle.claims.VerifiedTokens;

/**
 * Remembers the identity Quarkus OIDC has just verified a bearer token as (ADR 0034), before any
 * other augmentor changes it, so that a remembered identity goes through the same augmentors as a
 * fresh one. Identities served from {@link VerifiedTokens} carry no key and are left alone.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

  private final VerifiedTokens tokens;

  VerifiedTokenRecorder(VerifiedTokens tokens) {
    this.tokens = tokens;
  }

  /** First of the augmentors: it sees the identity as verified. */
  @Override
  public int priority() {
    return Integer.MAX_VALUE;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    return Uni.createFrom().item(identity);
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity,
      AuthenticationRequestContext context,
      Map<String, Object> attributes) {
    if (attributes.get(VerifiedTokenProvider.KEY) instanceof ByteBuffer key) {
      tokens.remember(key, identity);
    }
    return Uni.createFrom().item(identity);
  }
}
