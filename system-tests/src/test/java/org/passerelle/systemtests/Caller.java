package org.passerelle.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.passerelle.commons.testing.Tokens;

/**
 * Someone calling the API: a demo user or an office's system of the realm, with what its real token
 * says (realm roles, country, sites, partner), or nobody (no token). Read from the realm file, so a
 * demo user added there is a caller of the matrix too.
 */
record Caller(
    String name,
    Supplier<String> token,
    String subject,
    Set<String> roles,
    Optional<String> country,
    Set<String> sites,
    Optional<String> partnerId) {

  static final String PLATFORM_ADMIN = "platform-admin";
  static final String COUNTRY_ADMIN = "country-admin";
  static final String SITE_STAFF = "site-staff";
  static final String PARTNER = "partner";
  static final String LEARNER = "learner";
  static final String INTEGRATION = "integration";

  /** The roles of DESIGN §5; Keycloak's own default roles are left out. */
  static final Set<String> PLATFORM_ROLES =
      Set.of(PLATFORM_ADMIN, COUNTRY_ADMIN, SITE_STAFF, PARTNER, LEARNER, INTEGRATION);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static List<Caller> all;

  static final Caller ANONYMOUS =
      new Caller(
          "anonymous", () -> null, null, Set.of(), Optional.empty(), Set.of(), Optional.empty());

  boolean anonymous() {
    return this == ANONYMOUS;
  }

  boolean has(String role) {
    return roles.contains(role);
  }

  /** The school's staff, who read staff's free text about people. */
  boolean staff() {
    return has(PLATFORM_ADMIN) || has(COUNTRY_ADMIN) || has(SITE_STAFF);
  }

  String authorization() {
    String value = token.get();
    return value == null ? null : "Bearer " + value;
  }

  /** Every demo user and office system of the realm, then the caller without a token. */
  static synchronized List<Caller> all() {
    if (all == null) {
      List<Caller> callers = new ArrayList<>();
      JsonNode realm = realm();
      for (JsonNode user : realm.path("users")) {
        String username = user.path("username").asText();
        if (user.has("serviceAccountClientId") || !user.has("credentials")) {
          continue;
        }
        callers.add(of(username, () -> Tokens.of(username)));
      }
      for (JsonNode client : realm.path("clients")) {
        if (client.path("serviceAccountsEnabled").asBoolean(false)) {
          String clientId = client.path("clientId").asText();
          callers.add(of(clientId, () -> Tokens.ofClient(clientId)));
        }
      }
      callers.add(ANONYMOUS);
      all = List.copyOf(callers);
    }
    return all;
  }

  static Caller named(String name) {
    return all().stream()
        .filter(caller -> caller.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no caller " + name + " in the realm"));
  }

  private static Caller of(String name, Supplier<String> token) {
    JsonNode claims = claims(token.get());
    Set<String> roles = new TreeSet<>();
    claims
        .path("realm_access")
        .path("roles")
        .forEach(
            role -> {
              if (PLATFORM_ROLES.contains(role.asText())) {
                roles.add(role.asText());
              }
            });
    Set<String> sites = new TreeSet<>();
    JsonNode siteClaim = claims.path("sites");
    if (siteClaim.isArray()) {
      siteClaim.forEach(site -> sites.add(site.asText()));
    } else if (siteClaim.isTextual()) {
      sites.add(siteClaim.asText());
    }
    return new Caller(
        name,
        token,
        claims.path("sub").asText(null),
        Set.copyOf(roles),
        Optional.ofNullable(claims.path("country").asText(null)),
        Set.copyOf(sites),
        Optional.ofNullable(claims.path("partner_id").asText(null)));
  }

  private static JsonNode claims(String token) {
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    } catch (IOException e) {
      throw new IllegalStateException("unreadable token", e);
    }
  }

  private static JsonNode realm() {
    try {
      return JSON.readTree(
          AppProcess.ROOT.resolve("deploy/keycloak/passerelle-realm.json").toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the realm file", e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
