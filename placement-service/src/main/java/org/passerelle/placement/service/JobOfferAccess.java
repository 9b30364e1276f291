package org.passerelle.placement.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.security.ScopeQuery;
import org.passerelle.placement.JobOffer;
import org.passerelle.placement.JobOfferStatus;

/**
 * Who reaches a job offer, as one rule for single reads and lists: staff of its site (every status,
 * moderation included), the school's staff of its country once it is out of draft (to propose their
 * learners), the partner who offers it (in its country), and learners of its country once it is
 * published (a list shows them the published ones; a single read also the ones that are over, which
 * their candidacies name).
 */
final class JobOfferAccess {

  private JobOfferAccess() {}

  static boolean visible(JobOffer offer, AccessScope scope) {
    return scope.covers(offer.country, offer.siteCode)
        || (scope.isStaff()
            && scope.coversCountry(offer.country)
            && offer.status != JobOfferStatus.DRAFT)
        || owns(offer, scope)
        || (scope.has(Roles.LEARNER)
            && inCountry(offer, scope)
            && offer.status != JobOfferStatus.DRAFT);
  }

  /** The school's staff who handle the offer: those of its site, its country's admins. */
  static boolean manages(JobOffer offer, AccessScope scope) {
    return scope.isStaff() && scope.covers(offer.country, offer.siteCode);
  }

  /** The partner offering it, in the offer's country. */
  static boolean owns(JobOffer offer, AccessScope scope) {
    return offer.partnerId != null
        && scope.isPartner(offer.partnerId.toString())
        && inCountry(offer, scope);
  }

  private static boolean inCountry(JobOffer offer, AccessScope scope) {
    return scope.country().filter(offer.country::equals).isPresent();
  }

  /** The caller's organisation, when its token names one as a UUID. */
  static UUID partnerOf(AccessScope scope) {
    try {
      return scope.partnerId().map(UUID::fromString).orElse(null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@link #visible} for lists (learners: published offers only), on the entity alias o. */
  static String condition(AccessScope scope, Map<String, Object> parameters) {
    List<String> reach = new ArrayList<>();
    String staff = ScopeQuery.staff(scope, parameters, "o.country", "o.siteCode");
    if (ScopeQuery.EVERYTHING.equals(staff)) {
      return staff;
    }
    if (!ScopeQuery.NOTHING.equals(staff)) {
      reach.add(staff);
    }
    if (scope.country().isPresent()) {
      if (scope.isStaff()) {
        reach.add("(o.country = :myCountry and o.status <> :draft)");
        parameters.put("draft", JobOfferStatus.DRAFT);
      }
      UUID partner = scope.has(Roles.PARTNER) ? partnerOf(scope) : null;
      if (partner != null) {
        reach.add("(o.country = :myCountry and o.partnerId = :myPartner)");
        parameters.put("myPartner", partner);
      }
      if (scope.has(Roles.LEARNER)) {
        reach.add("(o.country = :myCountry and o.status = :published)");
        parameters.put("published", JobOfferStatus.PUBLISHED);
      }
    }
    if (reach.stream().anyMatch(condition -> condition.contains(":myCountry"))) {
      parameters.put("myCountry", scope.country().get());
    }
    return reach.isEmpty() ? ScopeQuery.NOTHING : "(" + String.join(" or ", reach) + ")";
  }
}
