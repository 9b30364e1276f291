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
import org.passerelle.commons.security.ScopeQuery;
import org.passerelle.enrollment.api.IntakeView;
import org.passerelle.enrollment.repository.IntakeRepository;

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
    where.add(ScopeQuery.staff(scope, parameters, "country", "siteCode"));
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
    var query = intakes.find(String.join(" and ", where), sort, parameters);
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
}
