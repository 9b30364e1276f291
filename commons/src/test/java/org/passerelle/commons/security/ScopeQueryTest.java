package org.passerelle.commons.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeQueryTest {

  private static AccessScope scope(String role, String country, Set<String> sites) {
    return new AccessScope(
        "someone", Set.of(role), Optional.ofNullable(country), sites, Optional.empty());
  }

  private static String condition(AccessScope scope, String siteField, Map<String, Object> p) {
    return ScopeQuery.staff(scope, p, "country", siteField);
  }

  @Test
  void eachRoleReachesWhatCoversSays() {
    Map<String, Object> parameters = new HashMap<>();
    assertThat(condition(scope(Roles.PLATFORM_ADMIN, null, Set.of()), "siteCode", parameters))
        .isEqualTo(ScopeQuery.EVERYTHING);
    assertThat(parameters).isEmpty();

    assertThat(condition(scope(Roles.COUNTRY_ADMIN, "FR", Set.of()), "siteCode", parameters))
        .isEqualTo("country = :scopeCountry");
    assertThat(parameters).containsEntry("scopeCountry", "FR");

    parameters.clear();
    assertThat(condition(scope(Roles.INTEGRATION, "MA", Set.of()), "siteCode", parameters))
        .isEqualTo("country = :scopeCountry");

    parameters.clear();
    assertThat(
            condition(scope(Roles.SITE_STAFF, "FR", Set.of("FR-SEVRAN")), "siteCode", parameters))
        .isEqualTo("(country = :scopeCountry and siteCode in :scopeSites)");
    assertThat(parameters)
        .containsEntry("scopeCountry", "FR")
        .containsEntry("scopeSites", Set.of("FR-SEVRAN"));
  }

  @Test
  void countryWideObjectsAreReachedBySiteStaffOfTheCountry() {
    Map<String, Object> parameters = new HashMap<>();
    assertThat(condition(scope(Roles.SITE_STAFF, "FR", Set.of("FR-SEVRAN")), null, parameters))
        .isEqualTo("country = :scopeCountry");
  }

  @Test
  void withoutCountryOrRoleNothingIsReached() {
    Map<String, Object> parameters = new HashMap<>();
    assertThat(condition(scope(Roles.COUNTRY_ADMIN, null, Set.of()), "siteCode", parameters))
        .isEqualTo(ScopeQuery.NOTHING);
    assertThat(condition(scope(Roles.SITE_STAFF, "FR", Set.of()), "siteCode", parameters))
        .isEqualTo(ScopeQuery.NOTHING);
    assertThat(condition(scope(Roles.LEARNER, "FR", Set.of()), "siteCode", parameters))
        .isEqualTo(ScopeQuery.NOTHING);
    assertThat(condition(scope(Roles.PARTNER, "FR", Set.of()), "siteCode", parameters))
        .isEqualTo(ScopeQuery.NOTHING);
    assertThat(parameters).isEmpty();
  }
}
