package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.api.RetentionRunView;
import org.passerelle.enrollment.config.EnrollmentConfig;
import org.passerelle.enrollment.repository.RetentionRunRepository;
import org.passerelle.problem.ProblemType;

/** The retention job's runs for administrators: platform admins all, country admins theirs. */
@ApplicationScoped
public class RetentionRunService {

  private final RetentionRunRepository runs;
  private final RetentionService retention;
  private final EnrollmentConfig config;

  RetentionRunService(
      RetentionRunRepository runs, RetentionService retention, EnrollmentConfig config) {
    this.runs = runs;
    this.retention = retention;
    this.config = config;
  }

  /** What the list of runs sorts by (ADR 0040): newest first unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of(
          "-startedAt",
          "id",
          "startedAt",
          "startedAt",
          "finishedAt",
          "finishedAt",
          "country",
          "country",
          "status",
          "status",
          "erased",
          "erased");

  @Transactional
  public Page<RetentionRunView> list(
      String country, String status, int page, int size, AccessScope scope) {
    return list(country, status, SORTING.parse(null), page, size, scope);
  }

  /** The runs in the caller's scope, in the order asked for, ties broken by id. */
  @Transactional
  public Page<RetentionRunView> list(
      String country, String status, Sorting.Order order, int page, int size, AccessScope scope) {
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (!scope.isPlatformAdmin()) {
      if (!scope.has(Roles.COUNTRY_ADMIN) || scope.country().isEmpty()) {
        return new Page<>(List.of(), page, size, 0);
      }
      where.add("country = :scopeCountry");
      parameters.put("scopeCountry", scope.country().get());
    }
    if (country != null) {
      where.add("country = :country");
      parameters.put("country", country);
    }
    if (status != null) {
      where.add("status = :status");
      parameters.put("status", status);
    }
    var query =
        where.isEmpty()
            ? runs.findAll(order.sort())
            : runs.find(String.join(" and ", where), order.sort(), parameters);
    return Page.of(query, page, size, RetentionRunView::of);
  }

  @Transactional
  public RetentionRunView get(UUID id, AccessScope scope) {
    return runs.findByIdOptional(id)
        .filter(run -> reaches(scope, run.country))
        .map(RetentionRunView::of)
        .orElseThrow(() -> ProblemException.notFound("retention-run"));
  }

  /**
   * Runs a country's retention now (outside any transaction: each erasure commits on its own). 409
   * while another run of that country is going on.
   */
  public RetentionRunView start(String country, AccessScope scope) {
    if (config.rules(country).isEmpty()) {
      throw ProblemException.invalid("country", "invalid-request.unknown-country", country);
    }
    if (!reaches(scope, country)) {
      throw ProblemException.outOfScope();
    }
    return retention
        .run(country, RetentionService.MANUAL)
        .map(RetentionRunView::of)
        .orElseThrow(
            () ->
                new ProblemException(ProblemType.CONFLICT, "conflict.retention-running", country));
  }

  private static boolean reaches(AccessScope scope, String country) {
    return scope.isPlatformAdmin()
        || (scope.has(Roles.COUNTRY_ADMIN)
            && scope.country().isPresent()
            && scope.country().get().equals(country));
  }
}
