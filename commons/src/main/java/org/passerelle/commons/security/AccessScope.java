package org.passerelle.commons.security;

import java.util.Optional;
import java.util.Set;

/**
 * What the caller may see and change, from the token's roles and claims (DESIGN §5). Services ask
 * it about each object; an object outside the scope answers 404, a write outside it 403.
 *
 * @param subject the token's {@code sub}
 * @param roles realm roles
 * @param country the {@code country} claim (country admins, staff, integrations, learners)
 * @param sites the {@code sites} claim (site staff)
 * @param partnerId the {@code partner_id} claim (partners)
 * @param email the {@code email} claim, as the identity provider holds it
 * @param emailVerified the {@code email_verified} claim: whether the provider checked that the
 *     account owns {@code email}
 */
public record AccessScope(
    String subject,
    Set<String> roles,
    Optional<String> country,
    Set<String> sites,
    Optional<String> partnerId,
    Optional<String> email,
    boolean emailVerified) {

  public AccessScope {
    roles = Set.copyOf(roles);
    sites = Set.copyOf(sites);
    email = email == null ? Optional.empty() : email;
  }

  /** A caller whose token carries no email (staff and systems, in tests and jobs). */
  public AccessScope(
      String subject,
      Set<String> roles,
      Optional<String> country,
      Set<String> sites,
      Optional<String> partnerId) {
    this(subject, roles, country, sites, partnerId, Optional.empty(), false);
  }

  /**
   * The account's email when the identity provider verified it, else empty: the only email that may
   * identify a learner as a person (DESIGN §5), never one typed in a request.
   */
  public Optional<String> verifiedEmail() {
    return emailVerified ? email : Optional.empty();
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  public boolean isPlatformAdmin() {
    return has(Roles.PLATFORM_ADMIN);
  }

  /**
   * Whether the caller is the school's staff (platform, country or site), who read staff's free
   * text about people; integrations, partners and learners are not.
   */
  public boolean isStaff() {
    return isPlatformAdmin() || has(Roles.COUNTRY_ADMIN) || has(Roles.SITE_STAFF);
  }

  /**
   * Whether staff-level access reaches an object of this country and site: platform admins
   * everywhere, country admins and integrations in their country, site staff on their sites.
   */
  public boolean covers(String objectCountry, String objectSite) {
    if (isPlatformAdmin()) {
      return true;
    }
    boolean inCountry = country.isPresent() && country.get().equals(objectCountry);
    if ((has(Roles.COUNTRY_ADMIN) || has(Roles.INTEGRATION)) && inCountry) {
      return true;
    }
    return has(Roles.SITE_STAFF) && inCountry && objectSite != null && sites.contains(objectSite);
  }

  /** Whether a country-wide object (no site) is within reach of staff-level access. */
  public boolean coversCountry(String objectCountry) {
    if (isPlatformAdmin()) {
      return true;
    }
    return country.isPresent()
        && country.get().equals(objectCountry)
        && (has(Roles.COUNTRY_ADMIN) || has(Roles.INTEGRATION) || has(Roles.SITE_STAFF));
  }

  /** Whether the caller is the partner organisation with this id. */
  public boolean isPartner(String objectPartnerId) {
    return has(Roles.PARTNER) && partnerId.isPresent() && partnerId.get().equals(objectPartnerId);
  }

  /** Whether the caller is the learner with this token subject. */
  public boolean isLearner(String objectSubject) {
    return has(Roles.LEARNER) && subject != null && subject.equals(objectSubject);
  }
}
