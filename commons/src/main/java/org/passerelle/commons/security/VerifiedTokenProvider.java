package org.passerelle.commons.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import org.passerelle.claims.VerifiedTokens;

/**
 * Asked before Quarkus OIDC about a bearer token (ADR 0034): a token this service verified and that
 * has not expired gets the identity it was verified as; any other is left to OIDC, which verifies
 * it (signature, issuer, audience, expiry) and refuses it or lets {@link VerifiedTokenRecorder}
 * remember it.
 */
@ApplicationScoped
public class VerifiedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

  /** The request attribute holding the token's key while OIDC verifies it. */
  static final String KEY = VerifiedTokens.class.getName() + ".key";

  /**
   * Before Quarkus OIDC's provider, which keeps the default priority ({@code SYSTEM_FIRST + 1}):
   * providers are asked from the highest priority down.
   */
  static final int PRIORITY = 2000;

  private final VerifiedTokens tokens;

  VerifiedTokenProvider(VerifiedTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public int priority() {
    return PRIORITY;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    if (!(request.getToken() instanceof AccessTokenCredential credential)
        || credential.getToken() == null) {
      return Uni.createFrom().nullItem();
    }
    ByteBuffer key = VerifiedTokens.keyOf(credential.getToken());
    SecurityIdentity known =
        tokens.find(key, HttpSecurityUtils.getRoutingContextAttribute(request), context);
    if (known == null) {
      request.setAttribute(KEY, key);
      return Uni.createFrom().nullItem();
    }
    return Uni.createFrom().item(known);
  }
}
