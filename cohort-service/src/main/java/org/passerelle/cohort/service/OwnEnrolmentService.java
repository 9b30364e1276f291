package org.passerelle.cohort.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.passerelle.cohort.AttendanceRecord;
import org.passerelle.cohort.Certificate;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.Programme;
import org.passerelle.cohort.api.CertificateSummary;
import org.passerelle.cohort.api.OwnEnrolment;
import org.passerelle.cohort.api.ProgrammeView;
import org.passerelle.cohort.config.CohortConfig;
import org.passerelle.cohort.repository.AttendanceRepository;
import org.passerelle.cohort.repository.CertificateRepository;
import org.passerelle.cohort.repository.CohortLearnerRepository;
import org.passerelle.cohort.repository.CohortRepository;
import org.passerelle.cohort.repository.LearnerAccountRepository;
import org.passerelle.cohort.repository.ProgrammeRepository;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;

/**
 * A learner's own seats across cohorts, with their attendance and certificates: the learnerId is
 * the one their account leads to (learner-account-linked, ADR 0023), never one the caller names.
 */
@ApplicationScoped
public class OwnEnrolmentService {

  private final LearnerAccountRepository accounts;
  private final CohortLearnerRepository learners;
  private final CohortRepository cohorts;
  private final ProgrammeRepository programmes;
  private final AttendanceRepository records;
  private final CertificateRepository certificates;
  private final CohortConfig config;

  OwnEnrolmentService(
      LearnerAccountRepository accounts,
      CohortLearnerRepository learners,
      CohortRepository cohorts,
      ProgrammeRepository programmes,
      AttendanceRepository records,
      CertificateRepository certificates,
      CohortConfig config) {
    this.accounts = accounts;
    this.learners = learners;
    this.cohorts = cohorts;
    this.programmes = programmes;
    this.records = records;
    this.certificates = certificates;
    this.config = config;
  }

  /** Newest seat first; empty until enrollment linked the account to a learner. */
  @Transactional
  public Page<OwnEnrolment> mine(int page, int size, AccessScope scope) {
    if (!scope.has(Roles.LEARNER)) {
      throw ProblemException.forbidden();
    }
    return accounts
        .learnerOf(scope.subject())
        .map(learner -> seats(learner, page, size))
        .orElseGet(() -> new Page<>(List.of(), page, size, 0));
  }

  private Page<OwnEnrolment> seats(UUID learner, int page, int size) {
    Page<CohortLearner> rows =
        Page.of(
            learners.find(
                "learnerId",
                Sort.descending("enrolledAt").and("id", Sort.Direction.Descending),
                learner),
            page,
            size,
            row -> row);
    if (rows.items().isEmpty()) {
      return new Page<>(List.of(), page, size, rows.total(), rows.totalIsExact());
    }
    List<UUID> cohortIds = rows.items().stream().map(row -> row.cohortId).distinct().toList();
    Map<UUID, Cohort> cohortsById = byKey(cohorts.list("id in ?1", cohortIds), c -> c.id);
    Map<String, Programme> programmesByCode =
        byKey(
            programmes.list(
                "code in ?1",
                cohortsById.values().stream().map(c -> c.programmeCode).distinct().toList()),
            p -> p.code);
    Map<UUID, List<AttendanceRecord>> daysByRow =
        records.ofLearners(rows.items().stream().map(row -> row.id).toList()).stream()
            .collect(Collectors.groupingBy(record -> record.cohortLearnerId));
    Map<UUID, Certificate> newestCertificate =
        certificates.list("learnerId = ?1 and cohortId in ?2", learner, cohortIds).stream()
            .collect(
                Collectors.toMap(
                    certificate -> certificate.cohortId,
                    Function.identity(),
                    BinaryOperator.maxBy(Comparator.comparing((Certificate c) -> c.issuedAt))));
    int threshold = config.attendance().alertAfter();
    return new Page<>(
        rows.items().stream()
            .map(
                row -> {
                  Cohort cohort = cohortsById.get(row.cohortId);
                  Programme programme = programmesByCode.get(cohort.programmeCode);
                  Certificate certificate = newestCertificate.get(row.cohortId);
                  return new OwnEnrolment(
                      cohort.id,
                      cohort.programmeCode,
                      programme == null
                          ? null
                          : new ProgrammeView.Titles(
                              programme.titleFr, programme.titleEn, programme.titleAr),
                      cohort.siteCode,
                      cohort.country,
                      cohort.startDate,
                      cohort.endDate,
                      cohort.status,
                      row.status,
                      row.enrolledAt,
                      row.activatedAt,
                      row.completedAt,
                      row.withdrawnAt,
                      row.exitReason,
                      row.transferredTo,
                      AttendanceSummaryService.summary(
                          row,
                          AttendanceTally.of(AttendanceTally.days(daysByRow.get(row.id))),
                          threshold),
                      certificate == null ? null : CertificateSummary.of(certificate),
                      row.status);
                })
            .toList(),
        page,
        size,
        rows.total(),
        rows.totalIsExact());
  }

  private static <K, V> Map<K, V> byKey(List<V> values, Function<V, K> key) {
    return values.stream().collect(Collectors.toMap(key, Function.identity()));
  }
}
