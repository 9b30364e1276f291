package org.passerelle.enrollment.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.security.ScopeQuery;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.PriorityPublic;
import org.passerelle.enrollment.SensitiveDataAccess;
import org.passerelle.enrollment.api.ApplicationSummary;
import org.passerelle.enrollment.repository.ApplicationRepository;

/** Lists of applications for staff within their scope, and a learner's own applications. */
@ApplicationScoped
public class ApplicationSearchService {

  /** The search's filters, each optional. */
  public record Filters(
      String q,
      ApplicationStatus status,
      UUID intakeId,
      String site,
      String country,
      LocalDate submittedFrom,
      LocalDate submittedTo,
      Set<PriorityPublic> priorityPublics) {}

  private final ApplicationRepository applications;
  private final SensitiveDataService sensitive;

  ApplicationSearchService(ApplicationRepository applications, SensitiveDataService sensitive) {
    this.applications = applications;
    this.sensitive = sensitive;
  }

  @Transactional
  public Page<ApplicationSummary> list(Filters filters, int page, int size, AccessScope scope) {
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    String reach = ScopeQuery.staff(scope, parameters, "country", "siteCode");
    if (scope.has(Roles.LEARNER) && scope.subject() != null) {
      // A learner's own applications, wherever they are.
      reach = "(" + reach + " or applicant.subject = :subject)";
      parameters.put("subject", scope.subject());
    }
    where.add(reach);
    if (filters.q() != null) {
      where.add(
          "(lower(applicant.firstName || ' ' || applicant.lastName) like :q"
              + " or lower(applicant.lastName || ' ' || applicant.firstName) like :q"
              + " or applicant.email like :q)");
      parameters.put("q", "%" + like(filters.q().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (filters.status() != null) {
      where.add("status = :status");
      parameters.put("status", filters.status());
    }
    if (filters.intakeId() != null) {
      where.add("intakeId = :intakeId");
      parameters.put("intakeId", filters.intakeId());
    }
    if (filters.site() != null) {
      where.add("siteCode = :site");
      parameters.put("site", filters.site());
    }
    if (filters.country() != null) {
      where.add("country = :country");
      parameters.put("country", filters.country());
    }
    if (filters.submittedFrom() != null) {
      where.add("submittedAt >= :from");
      parameters.put("from", filters.submittedFrom().atStartOfDay().atOffset(ZoneOffset.UTC));
    }
    if (filters.submittedTo() != null) {
      where.add("submittedAt < :to");
      parameters.put(
          "to", filters.submittedTo().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    }
    Set<PriorityPublic> publics =
        filters.priorityPublics() == null ? Set.of() : filters.priorityPublics();
    List<String> sensitiveFilters = new ArrayList<>();
    for (PriorityPublic wanted : publics) {
      if (wanted.sensitive()) {
        if (!sensitive.searchableBy(scope)) {
          throw ProblemException.forbidden();
        }
        sensitiveFilters.add(
            wanted == PriorityPublic.REFUGEE
                ? SensitiveDataService.REFUGEE
                : SensitiveDataService.DISABILITY);
      }
      where.add(
          switch (wanted) {
            case PRIORITY_NEIGHBOURHOOD -> "applicant.priorityNeighbourhood = true";
            case REFUGEE -> "applicant.refugee = true";
            case DISABILITY -> "applicant.disability = true";
            case NEET_UNDER_26 -> "applicant.neetUnder26 = true";
          });
    }
    if (!publics.isEmpty()) {
      // An erased record's categories are for counting, never for finding one person by them.
      where.add("applicant.erasedAt is null");
    }
    sensitive.record(
        scope, SensitiveDataAccess.Action.SEARCH, null, sensitiveFilters, "listApplications");
    Sort sort = Sort.by("submittedAt", Sort.Direction.Descending).and("id");
    var query = applications.find(String.join(" and ", where), sort, parameters);
    return Page.of(
        query,
        page,
        size,
        application ->
            ApplicationSummary.of(application, ApplicationService.reader(application, scope)));
  }

  private static String like(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
