package org.passerelle.enrollment.service;

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
import org.passerelle.commons.rest.Sorting;
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

  /**
   * The search's filters, each optional. {@code externalRef}, {@code applicantId} and {@code
   * learnerId} narrow the caller's scope like the others: they never reach beyond it.
   */
  public record Filters(
      String q,
      ApplicationStatus status,
      UUID intakeId,
      String site,
      String country,
      LocalDate submittedFrom,
      LocalDate submittedTo,
      Set<PriorityPublic> priorityPublics,
      String externalRef,
      UUID applicantId,
      UUID learnerId) {

    public Filters(
        String q,
        ApplicationStatus status,
        UUID intakeId,
        String site,
        String country,
        LocalDate submittedFrom,
        LocalDate submittedTo,
        Set<PriorityPublic> priorityPublics) {
      this(
          q,
          status,
          intakeId,
          site,
          country,
          submittedFrom,
          submittedTo,
          priorityPublics,
          null,
          null,
          null);
    }
  }

  /**
   * What the list sorts by (ADR 0040). Only the default, newest first, walks the scope's index (ADR
   * 0032); another order sorts the caller's scope.
   */
  public static final Sorting SORTING =
      Sorting.of(
          "-submittedAt",
          "a.id",
          "submittedAt",
          "a.submitted_at",
          "updatedAt",
          "a.updated_at",
          "lastName",
          "p.last_name",
          "firstName",
          "p.first_name",
          "status",
          "a.status");

  /** Separates the texts of migration V2026.12.08.10's applicant_search_text. */
  private static final char SEARCH_TEXT_SEPARATOR = '\u0001';

  private final ApplicationRepository applications;
  private final SensitiveDataService sensitive;

  ApplicationSearchService(ApplicationRepository applications, SensitiveDataService sensitive) {
    this.applications = applications;
    this.sensitive = sensitive;
  }

  @Transactional
  public Page<ApplicationSummary> list(Filters filters, int page, int size, AccessScope scope) {
    return list(filters, SORTING.parse(null), page, size, scope);
  }

  @Transactional
  public Page<ApplicationSummary> list(
      Filters filters, Sorting.Order order, int page, int size, AccessScope scope) {
    List<String> sensitiveFilters = sensitiveFilters(filters, scope);
    ApplicationRepository.Selection found = selection(filters, scope);
    ApplicationRepository.Selection selection =
        new ApplicationRepository.Selection(found.where(), found.parameters(), order.clause());
    sensitive.record(
        scope, SensitiveDataAccess.Action.SEARCH, null, sensitiveFilters, "listApplications");
    // A search's matches are found through the trigram index, all of them before any is counted:
    // a search is not counted beyond its page, so that its cost does not grow with the table.
    return Page.counted(
        applications.rows(selection),
        page,
        size,
        filters.q() == null ? Page.COUNTED_UP_TO : 0,
        application ->
            ApplicationSummary.of(application, ApplicationService.reader(application, scope)));
  }

  /** The sensitive fields the filters search by, if the caller may; 403 otherwise. */
  private List<String> sensitiveFilters(Filters filters, AccessScope scope) {
    List<String> fields = new ArrayList<>();
    for (PriorityPublic wanted : publics(filters)) {
      if (wanted.sensitive()) {
        if (!sensitive.searchableBy(scope)) {
          throw ProblemException.forbidden();
        }
        fields.add(
            wanted == PriorityPublic.REFUGEE
                ? SensitiveDataService.REFUGEE
                : SensitiveDataService.DISABILITY);
      }
    }
    return fields;
  }

  /**
   * The applications the caller reaches that match the filters, as SQL on the application {@code a}
   * and its applicant {@code p} (ADR 0032: the list indexes serve exactly these expressions).
   */
  public ApplicationRepository.Selection selection(Filters filters, AccessScope scope) {
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    String reach = ScopeQuery.staff(scope, parameters, "a.country", "a.site_code");
    if (scope.has(Roles.LEARNER) && scope.subject() != null) {
      // A learner's own applications, wherever they are.
      reach = "(" + reach + " or p.subject = :subject)";
      parameters.put("subject", scope.subject());
    }
    where.add(reach);
    if (filters.q() != null) {
      String q = filters.q().strip().toLowerCase(Locale.ROOT);
      // One text holds "first last", "last first" and the email, so one index finds them all.
      where.add("applicant_search_text(p.first_name, p.last_name, p.email) like :q escape '\\'");
      if (q.indexOf(SEARCH_TEXT_SEPARATOR) >= 0) {
        // Such a q could match across two of them in that text: each is checked on its own.
        where.add(
            "(lower(p.first_name || ' ' || p.last_name) like :q escape '\\'"
                + " or lower(p.last_name || ' ' || p.first_name) like :q escape '\\'"
                + " or p.email like :q escape '\\')");
      }
      parameters.put("q", "%" + like(q) + "%");
    }
    if (filters.status() != null) {
      where.add("a.status = :status");
      parameters.put("status", filters.status().name());
    }
    if (filters.intakeId() != null) {
      where.add("a.intake_id = :intakeId");
      parameters.put("intakeId", filters.intakeId());
    }
    if (filters.externalRef() != null) {
      where.add("a.external_ref = :externalRef");
      parameters.put("externalRef", filters.externalRef());
    }
    if (filters.applicantId() != null) {
      where.add("a.applicant_id = :applicantId");
      parameters.put("applicantId", filters.applicantId());
    }
    if (filters.learnerId() != null) {
      where.add("p.learner_id = :learnerId");
      parameters.put("learnerId", filters.learnerId());
    }
    if (filters.site() != null) {
      where.add("a.site_code = :site");
      parameters.put("site", filters.site());
    }
    if (filters.country() != null) {
      where.add("a.country = :country");
      parameters.put("country", filters.country());
    }
    if (filters.submittedFrom() != null) {
      where.add("a.submitted_at >= :from");
      parameters.put("from", filters.submittedFrom().atStartOfDay().atOffset(ZoneOffset.UTC));
    }
    if (filters.submittedTo() != null) {
      where.add("a.submitted_at < :to");
      parameters.put(
          "to", filters.submittedTo().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    }
    Set<PriorityPublic> publics = publics(filters);
    for (PriorityPublic wanted : publics) {
      where.add(
          switch (wanted) {
            case PRIORITY_NEIGHBOURHOOD -> "p.priority_neighbourhood";
            case REFUGEE -> "p.refugee";
            case DISABILITY -> "p.disability";
            case NEET_UNDER_26 -> "p.neet_under_26";
          });
    }
    if (!publics.isEmpty()) {
      // An erased record's categories are for counting, never for finding one person by them.
      where.add("p.erased_at is null");
    }
    return new ApplicationRepository.Selection(String.join(" and ", where), parameters);
  }

  private static Set<PriorityPublic> publics(Filters filters) {
    return filters.priorityPublics() == null ? Set.of() : filters.priorityPublics();
  }

  private static String like(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
