package org.passerelle.commons.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessScopeTest {

  private static AccessScope scope(String role, String country, Set<String> sites) {
    return new AccessScope(
        "sub", Set.of(role), Optional.ofNullable(country), sites, Optional.empty());
  }

  @Test
  void platformAdminCoversEverything() {
    AccessScope admin = scope(Roles.PLATFORM_ADMIN, null, Set.of());
    assertThat(admin.covers("MA", "MA-FES")).isTrue();
    assertThat(admin.coversCountry("FR")).isTrue();
  }

  @Test
  void countryAdminAndIntegrationCoverTheirCountryOnly() {
    for (String role : Set.of(Roles.COUNTRY_ADMIN, Roles.INTEGRATION)) {
      AccessScope scope = scope(role, "FR", Set.of());
      assertThat(scope.covers("FR", "FR-CERGY")).isTrue();
      assertThat(scope.coversCountry("FR")).isTrue();
      assertThat(scope.covers("MA", "MA-FES")).isFalse();
      assertThat(scope.coversCountry("MA")).isFalse();
    }
  }

  @Test
  void siteStaffCoverTheirSitesOnly() {
    AccessScope staff = scope(Roles.SITE_STAFF, "FR", Set.of("FR-SEVRAN"));
    assertThat(staff.covers("FR", "FR-SEVRAN")).isTrue();
    assertThat(staff.covers("FR", "FR-CERGY")).isFalse();
    assertThat(staff.covers("MA", "FR-SEVRAN")).isFalse();
    assertThat(staff.covers("FR", null)).isFalse();
  }

  @Test
  void learnersAndPartnersHaveNoStaffReach() {
    assertThat(scope(Roles.LEARNER, "FR", Set.of()).covers("FR", "FR-SEVRAN")).isFalse();
    assertThat(scope(Roles.PARTNER, "FR", Set.of()).coversCountry("FR")).isFalse();
    AccessScope learner = scope(Roles.LEARNER, "FR", Set.of());
    assertThat(learner.isLearner("sub")).isTrue();
    assertThat(learner.isLearner("other")).isFalse();
    AccessScope partner =
        new AccessScope("p", Set.of(Roles.PARTNER), Optional.of("FR"), Set.of(), Optional.of("42"));
    assertThat(partner.isPartner("42")).isTrue();
    assertThat(partner.isPartner("43")).isFalse();
  }

  @Test
  void noClaimsMeansNoReach() {
    AccessScope none = scope(Roles.COUNTRY_ADMIN, null, Set.of());
    assertThat(none.covers("FR", "FR-SEVRAN")).isFalse();
    assertThat(none.coversCountry("FR")).isFalse();
  }
}
