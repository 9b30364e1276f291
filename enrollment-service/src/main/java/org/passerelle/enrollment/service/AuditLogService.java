package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
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
import org.passerelle.enrollment.SensitiveDataAccess;
import org.passerelle.enrollment.api.SensitiveDataAccessView;
import org.passerelle.enrollment.repository.SensitiveDataAccessRepository;

/**
 * The audit log of sensitive fields for administrators: platform admins see all of it, country
 * admins their country's. It names fields, never values.
 */
@ApplicationScoped
public class AuditLogService {

  /** The log's filters, each optional; {@code from} inclusive, {@code to} exclusive. */
  public record Filters(
      UUID applicantId,
      String actor,
      SensitiveDataAccess.Action action,
      OffsetDateTime from,
      OffsetDateTime to) {}

  private final SensitiveDataAccessRepository log;

  AuditLogService(SensitiveDataAccessRepository log) {
    this.log = log;
  }

  /** What the log sorts by (ADR 0040): newest first unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of("-at", "-id", "at", "at", "action", "action", "actor", "actor");

  @Transactional
  public Page<SensitiveDataAccessView> list(
      Filters filters, int page, int size, AccessScope scope) {
    return list(filters, SORTING.parse(null), page, size, scope);
  }

  /** The log in the caller's scope, in the order asked for, ties broken by id (newest first). */
  @Transactional
  public Page<SensitiveDataAccessView> list(
      Filters filters, Sorting.Order order, int page, int size, AccessScope scope) {
    if (filters.from() != null && filters.to() != null && !filters.from().isBefore(filters.to())) {
      throw ProblemException.invalid("to", "unprocessable.dates");
    }
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (!scope.isPlatformAdmin()) {
      if (!scope.has(Roles.COUNTRY_ADMIN) || scope.country().isEmpty()) {
        return new Page<>(List.of(), page, size, 0);
      }
      where.add("country = :scopeCountry");
      parameters.put("scopeCountry", scope.country().get());
    }
    if (filters.applicantId() != null) {
      where.add("applicantId = :applicantId");
      parameters.put("applicantId", filters.applicantId());
    }
    if (filters.actor() != null) {
      where.add("actor = :actor");
      parameters.put("actor", filters.actor());
    }
    if (filters.action() != null) {
      where.add("action = :action");
      parameters.put("action", filters.action());
    }
    if (filters.from() != null) {
      where.add("at >= :from");
      parameters.put("from", filters.from());
    }
    if (filters.to() != null) {
      where.add("at < :to");
      parameters.put("to", filters.to());
    }
    var query =
        where.isEmpty()
            ? log.findAll(order.sort())
            : log.find(String.join(" and ", where), order.sort(), parameters);
    return Page.of(query, page, size, SensitiveDataAccessView::of);
  }
}
