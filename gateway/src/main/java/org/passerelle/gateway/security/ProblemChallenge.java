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
import java.util.Set;
import org.passerelle.gateway.routing.GatewayProblem;
import org.passerelle.problem.ProblemType;

/**
 * Keycloak's bearer token check at the edge (Quarkus OIDC, unchanged), whose 401 challenge also
 * carries a problem+json body in the caller's language, like every other refusal of the API.
 * Quarkus sends the challenge itself, missing or refused token alike, and ends the response with no
 * body; no failure handler sees it, so the mechanism is where the body can be written.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemChallenge implements HttpAuthenticationMechanism {

  private final OidcAuthenticationMechanism oidc;

  ProblemChallenge(OidcAuthenticationMechanism oidc) {
    this.oidc = oidc;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    // OIDC names itself the request's mechanism, the one Quarkus asks for the challenge when the
    // token is refused; this one takes that place back, so refused tokens get the problem too.
    String selected = HttpAuthenticationMechanism.class.getName();
    Uni<SecurityIdentity> identity = oidc.authenticate(context, identityProviderManager);
    context.put(selected, this);
    return identity.onFailure().invoke(failure -> context.put(selected, this));
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
