package org.passerelle.placement.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;

/**
 * Whose figures a caller reads (DESIGN §5): platform admins every learner, country admins and
 * integrations their country's, site staff their sites', a partner the learners of the cohorts it
 * funds. Learners read none.
 */
public final class IndicatorScope {

  private IndicatorScope() {}

  /** The countries whose facts may hold something the caller reaches. */
  public static Set<String> countries(AccessScope scope, Set<String> known) {
    if (scope.isPlatformAdmin()) {
      return new TreeSet<>(known);
    }
    boolean reader = scope.isStaff() || scope.has(Roles.INTEGRATION) || scope.has(Roles.PARTNER);
    if (!reader) {
      return Set.of();
    }
    if (scope.country().isPresent()) {
      return known.contains(scope.country().get()) ? Set.of(scope.country().get()) : Set.of();
    }
    // a partner's token may name no country: the cohorts it funds say where
    return scope.has(Roles.PARTNER) ? new TreeSet<>(known) : Set.of();
  }

  /** Whether the caller reaches a learner or an application of this cohort. */
  public static boolean reaches(
      AccessScope scope, String country, String site, List<UUID> cohortFunders) {
    if (scope.covers(country, site)) {
      return true;
    }
    return partner(scope).map(cohortFunders::contains).orElse(false);
  }

  /**
   * The partner whose funded cohorts alone the caller reads, when that is all it reads (not also
   * staff or an integration).
   */
  public static Optional<UUID> fundingPartnerOnly(AccessScope scope) {
    if (scope.isStaff() || scope.has(Roles.INTEGRATION)) {
      return Optional.empty();
    }
    return partner(scope);
  }

  private static Optional<UUID> partner(AccessScope scope) {
    if (!scope.has(Roles.PARTNER) || scope.partnerId().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(scope.partnerId().get()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
