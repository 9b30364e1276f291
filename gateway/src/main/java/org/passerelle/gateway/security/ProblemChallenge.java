package org.passerelle.gateway.security;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.passerelle.claims.VerifiedTokens;
import org.passerelle.gateway.routing.Caller;
import org.passerelle.gateway.routing.GatewayProblem;
import org.passerelle.problem.ProblemType;

/**
 * Keycloak's bearer token check at the edge (Quarkus OIDC, unchanged), whose 401 challenge also
 * carries a problem+json body in the caller's language, like every other refusal of the API.
 * Quarkus sends the challenge itself, missing or refused token alike, and ends the response with no
 * body; no failure handler sees it, so the mechanism is where the body can be written. A token it
 * accepted is not verified again until it expires ({@link VerifiedTokens}, the store every service
 * uses, ADR 0034 and 0035), and is kept with its {@link Caller}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemChallenge implements HttpAuthenticationMechanism {

  /** Tokens kept verified at most; about 2 KiB each. */
  private static final int MAX_VERIFIED_TOKENS = 10_000;

  /** Each token is kept until its {@code exp}, however late (ADR 0035). */
  private static final long MAX_AGE_MILLIS = Long.MAX_VALUE;

  private static final String BEARER = "Bearer ";

  private final OidcAuthenticationMechanism oidc;
  private final VerifiedTokens verified =
      new VerifiedTokens(MAX_VERIFIED_TOKENS, MAX_AGE_MILLIS, System::currentTimeMillis);

  /** Tokens handed to the OIDC check, for the tests that check each one is verified once. */
  private final LongAdder verifications = new LongAdder();

  ProblemChallenge(OidcAuthenticationMechanism oidc) {
    this.oidc = oidc;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    // OIDC names itself the request's mechanism, the one Quarkus asks for the challenge when the
    // token is refused; this one takes that place back, so refused tokens get the problem too.
    String selected = HttpAuthenticationMechanism.class.getName();
    String token = bearerToken(context);
    ByteBuffer key = token == null ? null : VerifiedTokens.keyOf(token);
    if (key != null) {
      SecurityIdentity known =
          verified.find(key, context, context.get(VerifiedTokens.REQUEST_CONTEXT));
      if (known != null) {
        context.put(selected, this);
        return Uni.createFrom().item(known);
      }
    }
    verifications.increment();
    Uni<SecurityIdentity> identity = oidc.authenticate(context, identityProviderManager);
    context.put(selected, this);
    return identity
        .invoke(
            accepted -> {
              if (key != null && accepted != null && !accepted.isAnonymous()) {
                verified.remember(key, accepted, Map.of(Caller.ATTRIBUTE, Caller.of(accepted)));
              }
            })
        .onFailure()
        .invoke(failure -> context.put(selected, this));
  }

  /** The token of an {@code Authorization: Bearer} header as OIDC reads it; null otherwise. */
  private static String bearerToken(RoutingContext context) {
    String authorization = context.request().getHeader("Authorization");
    if (authorization == null || !authorization.startsWith(BEARER)) {
      return null;
    }
    String token = authorization.substring(BEARER.length()).trim();
    return token.isEmpty() ? null : token;
  }

  /** How many tokens were handed to the OIDC check since the start. */
  long verifications() {
    return verifications.sum();
  }

  /** The tokens kept verified, for the tests that check what is kept with them. */
  VerifiedTokens verified() {
    return verified;
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return oidc.getChallenge(context);
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return oidc.getCredentialTypes();
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return oidc.getCredentialTransport(context);
  }

  @Override
  public int getPriority() {
    return oidc.getPriority();
  }

  @Override
  public Uni<Boolean> sendChallenge(RoutingContext context) {
    return oidc.getChallenge(context)
        .map(
            challenge -> {
              if (challenge == null) {
                return false;
              }
              challenge
                  .getHeaders()
                  .forEach((name, value) -> context.response().putHeader(name, value));
              if (challenge.status == ProblemType.UNAUTHORIZED.status()) {
                GatewayProblem.send(
                    context,
                    ProblemType.UNAUTHORIZED,
                    context.normalizedPath(),
                    "unauthorized.detail");
              } else {
                context.response().setStatusCode(challenge.status).end();
              }
              return true;
            });
  }
}
