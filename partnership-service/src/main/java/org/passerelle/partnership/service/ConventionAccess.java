package org.passerelle.partnership.service;

import java.util.Collection;
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
 * admins of a country it covers, staff of a site it covers, and the partner organisation itself.
 * Only admins of the country change them, and a convention covering several countries only platform
 * admins (ADR 0024). The same rule as a query condition for lists.
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
        || convention.countries.stream().anyMatch(scope::coversCountry)
            && (scope.isPlatformAdmin()
                || scope.has(Roles.COUNTRY_ADMIN)
                || scope.has(Roles.INTEGRATION))
        || convention.sites.stream().anyMatch(site -> scope.covers(countryOf(site), site));
  }

  /**
   * Conventions are signed at country level: site staff and partners read them only, and a
   * convention is changed by admins of every country it covers, that is by a country's admins only
   * when it lies wholly in their country.
   */
  public static void requireCountryLevel(Convention convention, AccessScope scope) {
    requireCountryLevel(convention.countries, scope);
  }

  public static void requireCountryLevel(Collection<String> countries, AccessScope scope) {
    boolean countryLevel = scope.isPlatformAdmin() || scope.has(Roles.COUNTRY_ADMIN);
    if (!countryLevel || !countries.stream().allMatch(scope::coversCountry)) {
      throw ProblemException.outOfScope();
    }
  }

  /** A site code starts with its country's. */
  public static String countryOf(String site) {
    return site.substring(0, 2);
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
      reach.append(" or array_contains(").append(alias).append(".countries, :scopeCountry)");
      parameters.put("scopeCountry", scope.country().get());
    } else if (scope.country().isPresent() && scope.has(Roles.SITE_STAFF)) {
      Set<String> sites = scope.sites();
      int i = 0;
      for (String site : sites) {
        if (!countryOf(site).equals(scope.country().get())) {
          continue;
        }
        String name = "scopeSite" + i++;
        reach.append(" or (:").append(name).append(" member of ").append(alias).append(".sites)");
        parameters.put(name, site);
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
