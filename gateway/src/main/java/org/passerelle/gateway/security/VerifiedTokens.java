package org.passerelle.gateway.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.passerelle.gateway.routing.Caller;

/**
 * Bearer tokens the edge has verified, with the identity each one stands for, until the token
 * expires (ADR 0035): a token seen again is neither parsed nor has its signature checked again.
 * Keyed by the whole token, so only the very token that was verified matches. The services behind
 * verify every token themselves. At most {@code maxTokens} are kept; beyond, new tokens are
 * verified every time until kept ones expire. Times are epoch seconds passed in.
 */
final class VerifiedTokens {

  static final String ROUTING_CONTEXT = RoutingContext.class.getName();
  static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

  private record Verified(SecurityIdentity identity, long expiresAt) {}

  private final int maxTokens;
  private final Map<String, Verified> tokens = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong();

  VerifiedTokens(int maxTokens) {
    this.maxTokens = maxTokens;
  }

  /**
   * The identity of a token verified before and not expired at {@code now}, bound to this request
   * (its routing context and authentication request context); null when the token must be verified.
   */
  SecurityIdentity identity(String token, long now, Object routingContext, Object requestContext) {
    Verified verified = tokens.get(token);
    if (verified == null) {
      return null;
    }
    if (now >= verified.expiresAt()) {
      tokens.remove(token, verified);
      return null;
    }
    // The request's own objects, as the token check sets them on each identity it builds.
    return QuarkusSecurityIdentity.builder(verified.identity())
        .addAttribute(ROUTING_CONTEXT, routingContext)
        .addAttribute(REQUEST_CONTEXT, requestContext)
        .build();
  }

  /**
   * Keeps the identity the token check built for {@code token} until the token expires, with its
   * caller read once; the identity of this request itself is returned unchanged.
   */
  void remember(String token, SecurityIdentity identity, long now) {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
      return;
    }
    long expiresAt = jwt.getExpirationTime();
    if (expiresAt <= now) {
      return;
    }
    if (tokens.size() >= maxTokens) {
      sweep(now);
      if (tokens.size() >= maxTokens) {
        return;
      }
    }
    // Kept without the first request's objects, which would otherwise live as long as the token.
    SecurityIdentity kept =
        QuarkusSecurityIdentity.builder(identity)
            .addAttribute(ROUTING_CONTEXT, null)
            .addAttribute(REQUEST_CONTEXT, null)
            .addAttribute(Caller.ATTRIBUTE, Caller.of(identity))
            .build();
    tokens.put(token, new Verified(kept, expiresAt));
  }

  /** Drops expired tokens, at most once a second whoever asks. */
  private void sweep(long now) {
    long last = lastSweep.get();
    if (now > last && lastSweep.compareAndSet(last, now)) {
      tokens.values().removeIf(verified -> now >= verified.expiresAt());
    }
  }

  int size() {
    return tokens.size();
  }
}
