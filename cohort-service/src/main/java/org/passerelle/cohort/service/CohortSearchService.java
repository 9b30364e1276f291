package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.api.CohortView;
import org.passerelle.cohort.repository.CohortLearnerRepository;
import org.passerelle.cohort.repository.CohortRepository;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.ScopeQuery;

/** Lists of cohorts within the caller's scope: exactly those a single read would show. */
@ApplicationScoped
public class CohortSearchService {

  /** The list's filters, each optional; several statuses mean any of them. */
  public record Filters(
      String country,
      String site,
      String programme,
      Set<CohortStatus> statuses,
      LocalDate startFrom,
      LocalDate startTo) {}

  /**
   * What the list sorts by (ADR 0040). The default, by start date, is the order of the scopes'
   * indexes (ADR 0032); another order sorts the caller's scope.
   */
  public static final Sorting SORTING =
      Sorting.of(
          "startDate",
          "id",
          "startDate",
          "startDate",
          "endDate",
          "endDate",
          "programme",
          "programmeCode",
          "site",
          "siteCode",
          "country",
          "country",
          "status",
          "status");

  private final CohortRepository cohorts;
  private final CohortLearnerRepository learners;

  CohortSearchService(CohortRepository cohorts, CohortLearnerRepository learners) {
    this.cohorts = cohorts;
    this.learners = learners;
  }

  /** Ordered by start date, then id, so that pages neither skip nor repeat a cohort. */
  @Transactional
  public Page<CohortView> list(Filters filters, int page, int size, AccessScope scope) {
    return list(filters, SORTING.parse(null), page, size, scope);
  }

  /** In the order asked for, ties broken by id so that pages neither skip nor repeat a cohort. */
  @Transactional
  public Page<CohortView> list(
      Filters filters, Sorting.Order order, int page, int size, AccessScope scope) {
    if (filters.startFrom() != null
        && filters.startTo() != null
        && filters.startTo().isBefore(filters.startFrom())) {
      throw ProblemException.invalid("startTo", "invalid-request.start-range");
    }
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    where.add(ScopeQuery.staff(scope, parameters, "country", "siteCode"));
    if (filters.country() != null) {
      where.add("country = :country");
      parameters.put("country", filters.country());
    }
    if (filters.site() != null) {
      where.add("siteCode = :site");
      parameters.put("site", filters.site());
    }
    if (filters.programme() != null) {
      where.add("programmeCode = :programme");
      parameters.put("programme", filters.programme());
    }
    if (filters.statuses() != null && !filters.statuses().isEmpty()) {
      where.add("status in :statuses");
      parameters.put("statuses", filters.statuses());
    }
    if (filters.startFrom() != null) {
      where.add("startDate >= :startFrom");
      parameters.put("startFrom", filters.startFrom());
    }
    if (filters.startTo() != null) {
      where.add("startDate <= :startTo");
      parameters.put("startTo", filters.startTo());
    }
    var query = cohorts.find(String.join(" and ", where), order.sort(), parameters);
    Page<Cohort> found = Page.of(query, page, size, cohort -> cohort);
    Map<UUID, Long> seats = learners.seatsTaken(found.items().stream().map(c -> c.id).toList());
    List<CohortView> items =
        found.items().stream()
            .map(c -> CohortView.of(c, seats.getOrDefault(c.id, 0L), scope.isStaff()))
            .toList();
    return new Page<>(items, page, size, found.total());
  }
}
