package org.passerelle.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.passerelle.claims.TokenClaims;

/** The caller's {@link AccessScope}, built once per request from the verified token. */
@RequestScoped
public class CurrentScope {

  private final SecurityIdentity identity;
  private AccessScope scope;

  CurrentScope(SecurityIdentity identity) {
    this.identity = identity;
  }

  public AccessScope get() {
    if (scope == null) {
      scope = of(identity);
    }
    return scope;
  }

  public static AccessScope of(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      return new AccessScope(null, Set.of(), Optional.empty(), Set.of(), Optional.empty());
    }
    if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
      return new AccessScope(
          identity.getPrincipal().getName(),
          identity.getRoles(),
          Optional.empty(),
          Set.of(),
          Optional.empty());
    }
    TokenClaims claims = TokenClaims.of(token);
    return new AccessScope(
        claims.subject(),
        identity.getRoles(),
        claims.country(),
        claims.sites(),
        claims.partnerId(),
        claims.email(),
        claims.emailVerified());
  }
}
