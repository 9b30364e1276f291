package org.passerelle.partnership.service;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.partnership.Convention;

/**
 * Who reaches a convention, and what hangs from it (commitments, prizes): platform admins, the
 * country's admins, staff of a site it covers, and the partner organisation itself. Only admins of
 * the country change them. The same rule as a query condition for lists.
 */
public final class ConventionAccess {

  private ConventionAccess() {}

  /** The caller's partner organisation, when the caller is a partner user with a valid claim. */
  public static Optional<UUID> partnerOf(AccessScope scope) {
    if (!scope.has(Roles.PARTNER) || scope.partnerId().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(scope.partnerId().get()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static boolean reaches(AccessScope scope, Convention convention) {
    return scope.isPartner(convention.partnerId.toString())
        || convention.sites.stream().anyMatch(site -> scope.covers(convention.country, site));
  }

  /** Conventions are signed at country level: site staff and partners read them only. */
  public static void requireCountryLevel(String country, AccessScope scope) {
    boolean countryLevel = scope.isPlatformAdmin() || scope.has(Roles.COUNTRY_ADMIN);
    if (!countryLevel || !scope.coversCountry(country)) {
      throw ProblemException.outOfScope();
    }
  }

  /**
   * {@link #reaches} as an HQL condition on a convention aliased {@code alias}, adding its
   * parameters.
   */
  public static String condition(AccessScope scope, Map<String, Object> parameters, String alias) {
    if (scope.isPlatformAdmin()) {
      return "1 = 1";
    }
    StringBuilder reach = new StringBuilder("(1 = 0");
    if (scope.country().isPresent()
        && (scope.has(Roles.COUNTRY_ADMIN) || scope.has(Roles.INTEGRATION))) {
      reach.append(" or ").append(alias).append(".country = :scopeCountry");
      parameters.put("scopeCountry", scope.country().get());
    } else if (scope.country().isPresent() && scope.has(Roles.SITE_STAFF)) {
      Set<String> sites = scope.sites();
      int i = 0;
      for (String site : sites) {
        String name = "scopeSite" + i++;
        reach
            .append(" or (")
            .append(alias)
            .append(".country = :scopeCountry and :")
            .append(name)
            .append(" member of ")
            .append(alias)
            .append(".sites)");
        parameters.put(name, site);
      }
      if (!sites.isEmpty()) {
        parameters.put("scopeCountry", scope.country().get());
      }
    }
    partnerOf(scope)
        .ifPresent(
            partner -> {
              reach.append(" or ").append(alias).append(".partnerId = :scopePartner");
              parameters.put("scopePartner", partner);
            });
    return reach.append(")").toString();
  }
}
