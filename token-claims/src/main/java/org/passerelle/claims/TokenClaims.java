package org.passerelle.claims;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The claims of a verified Passerelle token, read one way on both sides of the edge. Token
 * libraries hand claims over as Java values or as JSON-P values depending on how they were parsed,
 * so every read goes through here: a text is a non-blank string, a list of texts may also be one
 * text, a flag is true only when it is JSON true.
 */
public final class TokenClaims {

  /** The caller's country (ISO 3166-1 alpha-2), for staff, offices, partners and learners. */
  public static final String COUNTRY = "country";

  /** The site codes a site's staff work at. */
  public static final String SITES = "sites";

  /** The partner organisation a partner user speaks for. */
  public static final String PARTNER_ID = "partner_id";

  public static final String EMAIL = "email";
  public static final String EMAIL_VERIFIED = "email_verified";

  /** The client the token was issued to: the gateway's rate class and logs key on it. */
  public static final String AUTHORIZED_PARTY = "azp";

  private final JsonWebToken token;

  private TokenClaims(JsonWebToken token) {
    this.token = token;
  }

  public static TokenClaims of(JsonWebToken token) {
    return new TokenClaims(token);
  }

  public String subject() {
    return token.getSubject();
  }

  public Optional<String> country() {
    return text(COUNTRY);
  }

  public Set<String> sites() {
    return texts(SITES);
  }

  public Optional<String> partnerId() {
    return text(PARTNER_ID);
  }

  public Optional<String> email() {
    return text(EMAIL);
  }

  public boolean emailVerified() {
    return isTrue(EMAIL_VERIFIED);
  }

  public Optional<String> authorizedParty() {
    return text(AUTHORIZED_PARTY);
  }

  /** A text claim; empty when absent or blank. */
  public Optional<String> text(String name) {
    Object claim = token.getClaim(name);
    return textOf(claim);
  }

  /** A claim holding a list of texts, or a single text; blanks are left out. */
  public Set<String> texts(String name) {
    Object claim = token.getClaim(name);
    Set<String> values = new LinkedHashSet<>();
    if (claim instanceof Collection<?> collection) {
      collection.forEach(item -> textOf(item).ifPresent(values::add));
    } else if (claim instanceof JsonArray array) {
      array.forEach(item -> textOf(item).ifPresent(values::add));
    } else {
      textOf(claim).ifPresent(values::add);
    }
    return values;
  }

  /** A flag: JSON true, however the token library hands it over; anything else is false. */
  public boolean isTrue(String name) {
    Object claim = token.getClaim(name);
    if (claim instanceof Boolean value) {
      return value;
    }
    if (claim instanceof JsonValue value) {
      return value.getValueType() == JsonValue.ValueType.TRUE;
    }
    return false;
  }

  private static Optional<String> textOf(Object claim) {
    String value;
    if (claim == null) {
      value = null;
    } else if (claim instanceof JsonString string) {
      value = string.getString();
    } else if (claim instanceof JsonValue json
        && json.getValueType() != JsonValue.ValueType.STRING) {
      // A number or object where a text is expected reads as its JSON form, never quoted.
      value = json.toString();
    } else {
      value = claim.toString();
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
