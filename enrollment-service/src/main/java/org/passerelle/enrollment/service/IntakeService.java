package org.passerelle.enrollment.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.repository.IntakeRepository;
import org.passerelle.enrollment.rest.IntakeView;

/** Reading intakes, within the caller's scope. Intakes change only by cohort-service's events. */
@ApplicationScoped
public class IntakeService {

  private final IntakeRepository intakes;

  IntakeService(IntakeRepository intakes) {
    this.intakes = intakes;
  }

  /** The intakes in the caller's scope that pass the filters (each optional). */
  @Transactional
  public Page<IntakeView> list(
      String country, String site, String status, int page, int size, AccessScope scope) {
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (!scope.isPlatformAdmin()) {
      String reach = reach(scope, parameters);
      if (reach == null) {
        return new Page<>(List.of(), page, size, 0);
      }
      where.add(reach);
    }
    if (country != null) {
      where.add("country = :country");
      parameters.put("country", country);
    }
    if (site != null) {
      where.add("siteCode = :site");
      parameters.put("site", site);
    }
    if (status != null) {
      where.add("cohortStatus = :status");
      parameters.put("status", status);
    }
    Sort sort = Sort.by("startDate").and("id");
    var query =
        where.isEmpty()
            ? intakes.findAll(sort)
            : intakes.find(String.join(" and ", where), sort, parameters);
    return Page.of(query, page, size, IntakeView::of);
  }

  /** The intake if staff-level access reaches it; otherwise it does not exist. */
  @Transactional
  public IntakeView get(UUID id, AccessScope scope) {
    return intakes
        .findByIdOptional(id)
        .filter(intake -> scope.covers(intake.country, intake.siteCode))
        .map(IntakeView::of)
        .orElseThrow(() -> ProblemException.notFound("intake"));
  }

  /**
   * {@link AccessScope#covers} as a query condition, for callers other than platform admins; null
   * when nothing is in reach.
   */
  private static String reach(AccessScope scope, Map<String, Object> parameters) {
    if (scope.country().isEmpty()) {
      return null;
    }
    List<String> reach = new ArrayList<>();
    if (scope.has(Roles.COUNTRY_ADMIN) || scope.has(Roles.INTEGRATION)) {
      reach.add("country = :scopeCountry");
    }
    if (scope.has(Roles.SITE_STAFF) && !scope.sites().isEmpty()) {
      reach.add("(country = :scopeCountry and siteCode in :scopeSites)");
      parameters.put("scopeSites", scope.sites());
    }
    if (reach.isEmpty()) {
      return null;
    }
    parameters.put("scopeCountry", scope.country().get());
    return "(" + String.join(" or ", reach) + ")";
  }
}
