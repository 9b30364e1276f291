package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.SensitiveDataAccess;
import org.passerelle.enrollment.api.ApplicantExport;
import org.passerelle.enrollment.api.SensitiveDataAccessView;
import org.passerelle.enrollment.config.EnrollmentConfig;
import org.passerelle.enrollment.repository.ApplicationImportRepository;
import org.passerelle.enrollment.repository.ApplicationRepository;
import org.passerelle.enrollment.repository.SensitiveDataAccessRepository;

/**
 * The right of access: everything held about one person, for the person themself and for the roles
 * that read sensitive data, within their scope. Every export is audited.
 */
@ApplicationScoped
public class ApplicantExportService {

  private final ApplicantAccessService access;
  private final ApplicationRepository applications;
  private final ApplicationImportRepository imports;
  private final SensitiveDataAccessRepository audit;
  private final ConsentService consents;
  private final SensitiveDataService sensitive;
  private final EnrollmentConfig config;
  private final EntityManager entityManager;
  private final Now now;

  ApplicantExportService(
      ApplicantAccessService access,
      ApplicationRepository applications,
      ApplicationImportRepository imports,
      SensitiveDataAccessRepository audit,
      ConsentService consents,
      SensitiveDataService sensitive,
      EnrollmentConfig config,
      EntityManager entityManager,
      Now now) {
    this.access = access;
    this.applications = applications;
    this.imports = imports;
    this.audit = audit;
    this.consents = consents;
    this.sensitive = sensitive;
    this.config = config;
    this.entityManager = entityManager;
    this.now = now;
  }

  @Transactional
  public ApplicantExport export(UUID applicantId, AccessScope scope) {
    ApplicantAccessService.Reach reach = access.find(applicantId, scope, false);
    Applicant applicant = reach.applicant();
    if (!reach.self() && !sensitive.searchableBy(scope)) {
      throw ProblemException.forbidden();
    }
    ApplicantAccessService.requireNotErased(applicant);
    sensitive.record(
        scope,
        SensitiveDataAccess.Action.EXPORT,
        applicant,
        SensitiveDataService.FIELDS,
        "exportApplicant");
    audit.flush();
    List<Application> held =
        applications.list("applicant = ?1 order by submittedAt, id", applicant);
    List<String> mentions = mentions(applicant, held);
    return new ApplicantExport(
        now.timestamp(),
        config.rules(applicant.country).map(EnrollmentConfig.CountryRules::regime).orElse(null),
        ApplicantExport.Person.of(applicant),
        held.stream().map(ApplicantExport.ApplicationRecord::of).toList(),
        consents.view(applicant),
        audit.list("applicantId = ?1 order by at desc, id", applicant.id).stream()
            .map(SensitiveDataAccessView::of)
            .toList(),
        importsNaming(held),
        storedResponses(mentions));
  }

  /** The ids that name the person in stored texts: theirs and their applications'. */
  static List<String> mentions(Applicant applicant, List<Application> held) {
    List<String> ids = new ArrayList<>();
    ids.add(applicant.id.toString());
    ids.add(applicant.learnerId.toString());
    held.forEach(application -> ids.add(application.id.toString()));
    return ids;
  }

  private List<ApplicantExport.ImportTrace> importsNaming(List<Application> held) {
    if (held.isEmpty()) {
      return List.of();
    }
    List<String> where = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    for (Application application : held) {
      parameters.add("%" + application.id + "%");
      where.add("report like ?" + parameters.size());
    }
    return imports
        .list("(" + String.join(" or ", where) + ") order by startedAt, id", parameters.toArray())
        .stream()
        .map(found -> new ApplicantExport.ImportTrace(found.id, found.format, found.startedAt))
        .toList();
  }

  private List<ApplicantExport.StoredResponse> storedResponses(List<String> mentions) {
    StringBuilder sql =
        new StringBuilder(
            "select operation, created_at from idempotency_key where body is not null and (");
    for (int i = 0; i < mentions.size(); i++) {
      sql.append(i == 0 ? "" : " or ").append("strpos(body, ?").append(i + 1).append(") > 0");
    }
    sql.append(") order by created_at");
    var query = entityManager.createNativeQuery(sql.toString(), Object[].class);
    for (int i = 0; i < mentions.size(); i++) {
      query.setParameter(i + 1, mentions.get(i));
    }
    List<ApplicantExport.StoredResponse> stored = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] columns = (Object[]) row;
      stored.add(new ApplicantExport.StoredResponse((String) columns[0], toOffset(columns[1])));
    }
    return stored;
  }

  private static OffsetDateTime toOffset(Object value) {
    if (value instanceof OffsetDateTime offset) {
      return offset;
    }
    if (value instanceof java.time.Instant instant) {
      return instant.atOffset(java.time.ZoneOffset.UTC);
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    return null;
  }
}
