package org.passerelle.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's {@link AccessScope}, built once per request from the verified token. */
@RequestScoped
public class CurrentScope {

  static final String COUNTRY = "country";
  static final String SITES = "sites";
  static final String PARTNER_ID = "partner_id";
  static final String EMAIL = "email";
  static final String EMAIL_VERIFIED = "email_verified";

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
    return new AccessScope(
        token.getSubject(),
        identity.getRoles(),
        text(token.getClaim(COUNTRY)),
        texts(token.getClaim(SITES)),
        text(token.getClaim(PARTNER_ID)),
        text(token.getClaim(EMAIL)),
        isTrue(token.getClaim(EMAIL_VERIFIED)));
  }

  /** A boolean claim: JSON true (however the token library hands it over), nothing else. */
  private static boolean isTrue(Object claim) {
    if (claim instanceof Boolean value) {
      return value;
    }
    if (claim instanceof jakarta.json.JsonValue value) {
      return value.getValueType() == jakarta.json.JsonValue.ValueType.TRUE;
    }
    return false;
  }

  private static Optional<String> text(Object claim) {
    String value = unwrap(claim);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private static Set<String> texts(Object claim) {
    Set<String> values = new HashSet<>();
    if (claim instanceof Collection<?> collection) {
      collection.forEach(item -> text(item).ifPresent(values::add));
    } else if (claim instanceof jakarta.json.JsonArray array) {
      array.forEach(item -> text(item).ifPresent(values::add));
    } else {
      text(claim).ifPresent(values::add);
    }
    return values;
  }

  private static String unwrap(Object claim) {
    if (claim == null) {
      return null;
    }
    if (claim instanceof jakarta.json.JsonString string) {
      return string.getString();
    }
    return claim.toString();
  }
}
