package org.passerelle.partnership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.security.ScopeQuery;
import org.passerelle.partnership.PartnerRole;
import org.passerelle.partnership.PartnerStatus;
import org.passerelle.partnership.api.PartnerView;
import org.passerelle.partnership.repository.PartnerRepository;

/** Lists of partners within the caller's scope: exactly those a single read would show. */
@ApplicationScoped
public class PartnerSearchService {

  /**
   * The list's filters, each optional. {@code q}: part of the name (any case) or the whole legal
   * identifier.
   */
  public record Filters(
      String country, PartnerRole role, String site, PartnerStatus status, String q) {}

  /**
   * What the list sorts by (ADR 0040). The default, by name, is the order of the scopes' indexes
   * (ADR 0032); another order sorts the caller's scope.
   */
  public static final Sorting SORTING =
      Sorting.of(
          "name",
          "id",
          "name",
          "name",
          "country",
          "country",
          "kind",
          "kind",
          "status",
          "status",
          "city",
          "city",
          "createdAt",
          "createdAt",
          "updatedAt",
          "updatedAt");

  private final PartnerRepository partners;

  PartnerSearchService(PartnerRepository partners) {
    this.partners = partners;
  }

  /** By name, then id, so that pages neither skip nor repeat a partner. */
  @Transactional
  public Page<PartnerView> list(Filters filters, int page, int size, AccessScope scope) {
    return list(filters, SORTING.parse(null), page, size, scope);
  }

  /** In the order asked for, ties broken by id so that pages neither skip nor repeat a partner. */
  @Transactional
  public Page<PartnerView> list(
      Filters filters, Sorting.Order order, int page, int size, AccessScope scope) {
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    where.add(scope(scope, parameters));
    if (filters.country() != null) {
      where.add("country = :country");
      parameters.put("country", filters.country());
    }
    if (filters.role() != null) {
      where.add("array_contains(roles, :role)");
      parameters.put("role", filters.role().name());
    }
    if (filters.site() != null) {
      where.add("array_contains(sites, :site)");
      parameters.put("site", filters.site());
    }
    if (filters.status() != null) {
      where.add("status = :status");
      parameters.put("status", filters.status());
    }
    if (filters.q() != null && !filters.q().isBlank()) {
      String q = filters.q().strip();
      where.add("(lower(name) like :name escape '\\' or registrationNumber = :number)");
      parameters.put("name", "%" + escapeLike(q.toLowerCase(Locale.ROOT)) + "%");
      parameters.put("number", q.replace(" ", ""));
    }
    var query = partners.find(String.join(" and ", where), order.sort(), parameters);
    return Page.of(query, page, size, PartnerView::of);
  }

  /** Staff of a country see its partners (as single reads do); a partner user sees its own. */
  private static String scope(AccessScope scope, Map<String, Object> parameters) {
    List<String> reach = new ArrayList<>();
    String staff = ScopeQuery.staff(scope, parameters, "country", null);
    if (!ScopeQuery.NOTHING.equals(staff)) {
      reach.add(staff);
    }
    if (scope.has(Roles.PARTNER) && scope.partnerId().isPresent()) {
      try {
        parameters.put("scopePartner", UUID.fromString(scope.partnerId().get()));
        reach.add("id = :scopePartner");
      } catch (IllegalArgumentException e) {
        // a partner_id that is no partner's id reaches no partner
      }
    }
    return reach.isEmpty() ? ScopeQuery.NOTHING : "(" + String.join(" or ", reach) + ")";
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
