package org.passerelle.gateway.routing;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.passerelle.claims.TokenClaims;

/**
 * Who is calling, from the token the edge validated (all null without a token): the client ({@code
 * azp}) and subject that limits count against, and the country the token binds its holder to. Read
 * once per token: the edge keeps it with the token's verified identity (ADR 0035).
 */
public record Caller(String client, String subject, String country) {

  /** The header naming a country, for callers whose token has none. */
  static final String COUNTRY = "X-Passerelle-Country";

  /** The identity attribute holding the caller read from its token, when it was read before. */
  public static final String ATTRIBUTE = Caller.class.getName();

  static final Caller ANONYMOUS = new Caller(null, null, null);

  static Caller of(RoutingContext context) {
    if (context.user() instanceof QuarkusHttpUser user) {
      return of(user.getSecurityIdentity());
    }
    return ANONYMOUS;
  }

  /** The caller an identity stands for: the one kept with it, else read from its token. */
  public static Caller of(SecurityIdentity identity) {
    if (identity.isAnonymous()) {
      return ANONYMOUS;
    }
    if (identity.getAttribute(ATTRIBUTE) instanceof Caller known) {
      return known;
    }
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      TokenClaims claims = TokenClaims.of(token);
      return new Caller(
          claims.authorizedParty().orElse(null), claims.subject(), claims.country().orElse(null));
    }
    return ANONYMOUS;
  }

  /** Who a limit counts against: the token's client and subject, else the source address. */
  String key(RoutingContext context) {
    if (client == null) {
      return context.request().remoteAddress() == null
          ? "unknown"
          : context.request().remoteAddress().hostAddress();
    }
    return client + "|" + subject;
  }

  /**
   * The country asked for, upper case: the token's (country staff and integration clients have one
   * and cannot choose another), else the one the caller names (platform admins, anonymous callers),
   * else the default one. Whether it is served is the route table's to say.
   */
  String country(HttpServerRequest request, String defaultCountry) {
    String asked = country;
    if (asked == null) {
      asked = request.getHeader(COUNTRY);
    }
    if (asked == null || asked.isBlank()) {
      asked = defaultCountry;
    }
    return asked.trim().toUpperCase(Locale.ROOT);
  }
}
