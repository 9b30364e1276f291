package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.passerelle.commons.api.Actor;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.time.Now;
import org.passerelle.placement.IndicatorExportAudit;
import org.passerelle.placement.api.IndicatorDefinition;
import org.passerelle.placement.api.IndicatorExport;
import org.passerelle.placement.api.IndicatorExportAuditView;
import org.passerelle.placement.api.IndicatorsView;
import org.passerelle.placement.api.LearnerFacts;
import org.passerelle.placement.config.FollowUpsConfig;
import org.passerelle.placement.repository.IndicatorExportAuditRepository;

/**
 * Indicators reports for their audiences (the French label, Qualiopi, the Moroccan survey, a
 * funder), computed from the facts of the caller's scope, closed periods read as frozen; each
 * export is audited in the same transaction (who, roles, when, report, scope, period, rows). Staff
 * export their scope's reports, integrations their country's, partners only the funder report of
 * the cohorts they fund.
 */
@ApplicationScoped
public class IndicatorExportService {

  /** An export asked for: the report, the country and period, the funder of a funder report. */
  public record Query(
      IndicatorReport report,
      String country,
      LocalDate from,
      LocalDate to,
      UUID funderPartnerId,
      String format) {}

  /** The roles an audit row names (a token carries others, such as Keycloak's defaults). */
  private static final Set<String> ROLES =
      Set.of(
          Roles.PLATFORM_ADMIN,
          Roles.COUNTRY_ADMIN,
          Roles.SITE_STAFF,
          Roles.PARTNER,
          Roles.LEARNER,
          Roles.INTEGRATION);

  /** What the audit sorts by (ADR 0040): newest first unless asked otherwise. */
  public static final Sorting AUDIT_SORTING =
      Sorting.of(
          "-exportedAt",
          "id",
          "exportedAt",
          "exportedAt",
          "report",
          "report",
          "country",
          "country",
          "exportedBy",
          "exportedBy");

  private final IndicatorService indicators;
  private final IndicatorDefinitions definitions;
  private final IndicatorFactsService facts;
  private final IndicatorExportAuditRepository audits;
  private final FollowUpsConfig countries;
  private final Now now;

  IndicatorExportService(
      IndicatorService indicators,
      IndicatorDefinitions definitions,
      IndicatorFactsService facts,
      IndicatorExportAuditRepository audits,
      FollowUpsConfig countries,
      Now now) {
    this.indicators = indicators;
    this.definitions = definitions;
    this.facts = facts;
    this.audits = audits;
    this.countries = countries;
    this.now = now;
  }

  /** The report of the caller's scope, audited; bad input 400, a scope it does not reach 403. */
  @Transactional
  public IndicatorExport export(Query query, AccessScope scope) {
    IndicatorReport report = query.report();
    String country = query.country();
    if (!countries.timeZones().containsKey(country)) {
      throw ProblemException.invalid("country", "invalid-request.unknown-country", country);
    }
    if (!report.countries().contains(country)) {
      throw ProblemException.invalid(
          "country",
          "invalid-request.indicator-report-country",
          report.id(),
          String.join(", ", report.countries()));
    }
    if (query.from().isAfter(query.to())) {
      throw ProblemException.invalid("to", "invalid-request.indicator-period", query.from());
    }
    UUID funder = funder(query, scope);
    if (!scope.coversCountry(country) && !scope.has(Roles.PARTNER)) {
      throw ProblemException.outOfScope();
    }
    List<IndicatorDefinition> selected =
        report.indicators().stream().map(definitions::byId).flatMap(Optional::stream).toList();
    IndicatorsView view =
        indicators.indicators(
            query.from(),
            query.to(),
            IndicatorCalculator.GroupBy.valueOf(report.groupBy().toUpperCase(Locale.ROOT)),
            new IndicatorService.Filters(country, null, null, null, funder),
            selected,
            scope);
    List<IndicatorsView.Closure> closures = view.period().closures();
    Integer revision = closures.size() == 1 ? closures.getFirst().revision() : null;
    // a funder's rows name their cohorts' site, programme and dates
    List<LearnerFacts> cohorts =
        funder == null ? List.of() : facts.of(Set.of(country), query.from(), query.to()).learners();
    List<Map<String, Object>> rows =
        report.rows(country, query.from(), query.to(), revision, funder, view.groups(), cohorts);
    audit(query, funder, revision, rows.size(), scope);
    return new IndicatorExport(
        report.id(),
        country,
        query.from(),
        query.to(),
        funder,
        view.computedAt(),
        closures,
        view.suppression(),
        rows);
  }

  /**
   * The funder a funder report is about: the partner themself, or the one staff name; no other
   * report names one. A partner exports nothing else (403), and no other funder's (403).
   */
  private static UUID funder(Query query, AccessScope scope) {
    boolean funderReport = query.report() == IndicatorReport.FUNDER_REPORT;
    if (scope.has(Roles.PARTNER) && !scope.isStaff() && !scope.has(Roles.INTEGRATION)) {
      if (!funderReport) {
        throw ProblemException.forbidden();
      }
      String own = scope.partnerId().orElseThrow(ProblemException::forbidden);
      if (query.funderPartnerId() != null && !query.funderPartnerId().toString().equals(own)) {
        throw ProblemException.outOfScope();
      }
      return UUID.fromString(own);
    }
    if (funderReport && query.funderPartnerId() == null) {
      throw ProblemException.invalid(
          "funderPartnerId", "invalid-request.indicator-funder-required");
    }
    if (!funderReport && query.funderPartnerId() != null) {
      throw ProblemException.invalid(
          "funderPartnerId", "invalid-request.indicator-funder-only", query.report().id());
    }
    return query.funderPartnerId();
  }

  private void audit(Query query, UUID funder, Integer revision, int rows, AccessScope scope) {
    IndicatorExportAudit audit = new IndicatorExportAudit();
    audit.id = UUID.randomUUID();
    audit.exportedBy = scope.subject();
    audit.roles =
        String.join(",", new TreeSet<>(scope.roles().stream().filter(ROLES::contains).toList()));
    audit.exportedAt = now.timestamp();
    audit.report = query.report().id();
    audit.format = query.format();
    audit.country = query.country();
    audit.funderPartnerId = funder;
    audit.scope = describe(scope);
    audit.periodFrom = query.from();
    audit.periodTo = query.to();
    audit.closureRevision = revision;
    audit.rowCount = rows;
    audits.persist(audit);
  }

  /** The caller's reach in words, e.g. {@code country=FR sites=FR-SEVRAN}. */
  static String describe(AccessScope scope) {
    if (scope.isPlatformAdmin()) {
      return "all";
    }
    List<String> parts = new ArrayList<>();
    scope.country().ifPresent(country -> parts.add("country=" + country));
    if (!scope.sites().isEmpty()) {
      parts.add("sites=" + String.join(",", new TreeSet<>(scope.sites())));
    }
    scope.partnerId().ifPresent(partner -> parts.add("partner=" + partner));
    return parts.isEmpty() ? "none" : String.join(" ", parts);
  }

  /** The audited exports: all for platform admins, their country's for country admins. */
  @Transactional
  public Page<IndicatorExportAuditView> audit(
      String country, String report, int page, int size, AccessScope scope) {
    return audit(country, report, AUDIT_SORTING.parse(null), page, size, scope);
  }

  /** The same, in the order asked for (ADR 0040). */
  @Transactional
  public Page<IndicatorExportAuditView> audit(
      String country, String report, Sorting.Order order, int page, int size, AccessScope scope) {
    Map<String, Object> parameters = new HashMap<>();
    List<String> where = new ArrayList<>();
    if (!scope.isPlatformAdmin()) {
      if (!scope.has(Roles.COUNTRY_ADMIN) || scope.country().isEmpty()) {
        throw ProblemException.forbidden();
      }
      where.add("country = :scopeCountry");
      parameters.put("scopeCountry", scope.country().get());
    }
    if (country != null) {
      where.add("country = :country");
      parameters.put("country", country);
    }
    if (report != null) {
      where.add("report = :report");
      parameters.put("report", report);
    }
    var found =
        audits.find(
            where.isEmpty() ? "1 = 1" : String.join(" and ", where), order.sort(), parameters);
    return Page.of(found, page, size, IndicatorExportService::view);
  }

  /** The audit line as admins read it. */
  static IndicatorExportAuditView view(IndicatorExportAudit audit) {
    return new IndicatorExportAuditView(
        audit.id,
        audit.exportedBy,
        List.of(audit.roles.split(",")),
        audit.exportedAt,
        audit.report,
        audit.format,
        audit.country,
        audit.funderPartnerId,
        audit.scope,
        audit.periodFrom,
        audit.periodTo,
        audit.closureRevision,
        audit.rowCount,
        Actor.of(audit.exportedBy),
        audit.exportedAt,
        audit.exportedAt);
  }
}
