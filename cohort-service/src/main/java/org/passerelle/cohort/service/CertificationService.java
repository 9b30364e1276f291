package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.passerelle.cohort.Certificate;
import org.passerelle.cohort.CertificateAudit;
import org.passerelle.cohort.CertificateStatus;
import org.passerelle.cohort.CertificationOutcome;
import org.passerelle.cohort.CertificationResult;
import org.passerelle.cohort.CertifiedBlock;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.CompetencyBlock;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.Programme;
import org.passerelle.cohort.api.CertificationResultView;
import org.passerelle.cohort.api.RecordCertificationRequest;
import org.passerelle.cohort.events.LearnerAttendance;
import org.passerelle.cohort.events.LearnerCompleted;
import org.passerelle.cohort.repository.AttendanceRepository;
import org.passerelle.cohort.repository.CertificateAuditRepository;
import org.passerelle.cohort.repository.CertificateRepository;
import org.passerelle.cohort.repository.CertificationResultRepository;
import org.passerelle.cohort.repository.CohortLearnerRepository;
import org.passerelle.cohort.repository.CohortRepository;
import org.passerelle.cohort.repository.CompetencyBlockRepository;
import org.passerelle.cohort.repository.ProgrammeRepository;
import org.passerelle.cohort.repository.SiteRepository;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.problem.ProblemType;

/**
 * Juries' results: recording one completes an active learner's training and, for a full or partial
 * certification, issues the certificate in the same transaction, with learner-completed.
 */
@ApplicationScoped
public class CertificationService {

  private final CohortRepository cohorts;
  private final CohortLearnerRepository learners;
  private final SiteRepository sites;
  private final ProgrammeRepository programmes;
  private final CompetencyBlockRepository blocks;
  private final CertificationResultRepository results;
  private final CertificateRepository certificates;
  private final CertificateAuditRepository audits;
  private final AttendanceRepository attendance;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;
  private final Now now;

  CertificationService(
      CohortRepository cohorts,
      CohortLearnerRepository learners,
      SiteRepository sites,
      ProgrammeRepository programmes,
      CompetencyBlockRepository blocks,
      CertificationResultRepository results,
      CertificateRepository certificates,
      CertificateAuditRepository audits,
      AttendanceRepository attendance,
      Outbox outbox,
      IdempotencyKeys idempotency,
      Now now) {
    this.cohorts = cohorts;
    this.learners = learners;
    this.sites = sites;
    this.programmes = programmes;
    this.blocks = blocks;
    this.results = results;
    this.certificates = certificates;
    this.audits = audits;
    this.attendance = attendance;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.now = now;
  }

  @Transactional
  public IdempotencyKeys.Outcome<CertificationResultView> record(
      UUID cohortId, RecordCertificationRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "record-certification-result " + cohortId,
        request,
        CertificationResultView.class,
        () -> create(cohortId, request, scope));
  }

  private CertificationResultView create(
      UUID cohortId, RecordCertificationRequest request, AccessScope scope) {
    // The cohort's lock first, then the learner's row, like every decision about a cohort's roll
    // (ADR 0008): a withdrawal, a transfer or an attendance day of the cohort does not interleave.
    Cohort cohort = cohorts.lockedInScope(cohortId, scope);
    if (cohort.status != CohortStatus.RUNNING && cohort.status != CohortStatus.COMPLETED) {
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.certification-cohort-status", cohort.status);
    }
    Programme programme = programmes.findById(cohort.programmeCode);
    List<CompetencyBlock> certified = certifiedBlocks(request, programme);
    checkDate(request.certifiedOn(), cohort);
    CohortLearner learner =
        learners
            .find("cohortId = ?1 and learnerId = ?2", cohort.id, request.learnerId())
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResultOptional()
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.UNPROCESSABLE,
                        "unprocessable.learner-not-in-cohort",
                        request.learnerId()));
    if (!learner.status.canMoveTo(LearnerStatus.COMPLETED)) {
      throw new ProblemException(
          ProblemType.ILLEGAL_TRANSITION,
          "illegal-transition.detail",
          learner.status,
          LearnerStatus.COMPLETED);
    }
    OffsetDateTime recordedAt = now.timestamp();
    learner.moveTo(LearnerStatus.COMPLETED);
    learner.completedAt = completedAt(request.certifiedOn(), cohort, learner);

    CertificationResult result = new CertificationResult();
    result.id = UUID.randomUUID();
    result.cohortId = cohort.id;
    result.learnerId = learner.learnerId;
    result.outcome = request.outcome();
    result.certifiedOn = request.certifiedOn();
    result.juryReference = request.juryReference().strip();
    result.recordedAt = recordedAt;
    result.recordedBy = scope.subject();
    results.persist(result);

    Certificate certificate =
        request.outcome().certifies()
            ? issue(cohort, programme, result, certified, scope.subject())
            : null;
    results.flush();
    outbox.publish(
        DomainEvent.v1(
            LearnerCompleted.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            LearnerCompleted.of(
                cohort,
                learner,
                programme,
                result,
                certified.stream().map(block -> block.code).toList(),
                LearnerAttendance.of(attendance.ofLearners(List.of(learner.id))))));
    return CertificationResultView.of(result, certificate, true);
  }

  /**
   * The blocks the outcome certifies, checked against the programme's: every block for a full
   * certification; for a partial one the blocks named, each the programme's, once, not all of them;
   * none otherwise. Blocks may only be named for a partial certification.
   */
  private List<CompetencyBlock> certifiedBlocks(
      RecordCertificationRequest request, Programme programme) {
    List<CompetencyBlock> ofProgramme = blocks.ofProgramme(programme.code);
    List<String> named = request.blocksNamed();
    if (request.outcome() != CertificationOutcome.PARTIALLY_CERTIFIED) {
      if (!named.isEmpty()) {
        throw ProblemException.invalid(
            "blocks", "invalid-request.certification-blocks-not-partial");
      }
      return request.outcome() == CertificationOutcome.CERTIFIED ? ofProgramme : List.of();
    }
    if (named.isEmpty()) {
      throw ProblemException.invalid("blocks", "invalid-request.certification-blocks-required");
    }
    Map<String, CompetencyBlock> byCode =
        ofProgramme.stream().collect(Collectors.toMap(block -> block.code, Function.identity()));
    Set<String> seen = new HashSet<>();
    for (String code : named) {
      if (!byCode.containsKey(code)) {
        throw ProblemException.invalid(
            "blocks", "invalid-request.certification-block-unknown", code, programme.code);
      }
      if (!seen.add(code)) {
        throw ProblemException.invalid("blocks", "invalid-request.certification-block-twice", code);
      }
    }
    if (seen.size() == ofProgramme.size()) {
      throw ProblemException.invalid("blocks", "invalid-request.certification-blocks-all");
    }
    // In the programme's order, whatever the order named.
    return ofProgramme.stream().filter(block -> seen.contains(block.code)).toList();
  }

  /** The jury sits once the cohort has started, and not after today at the cohort's site. */
  private void checkDate(LocalDate certifiedOn, Cohort cohort) {
    if (certifiedOn.isBefore(cohort.startDate)) {
      throw ProblemException.invalid(
          "certifiedOn", "invalid-request.certification-before-start", cohort.startDate.toString());
    }
    if (certifiedOn.isAfter(now.today(sites.zoneOf(cohort)))) {
      throw ProblemException.invalid("certifiedOn", "invalid-request.certification-in-future");
    }
  }

  /**
   * The training ended on the jury's day, or on the last session day the learner came to when that
   * is later: a result recorded after the fact completes the learner on that day, not on the day
   * staff typed it (now when that day is today).
   */
  private OffsetDateTime completedAt(LocalDate certifiedOn, Cohort cohort, CohortLearner learner) {
    LocalDate ended =
        attendance
            .lastAttended(learner.id)
            .filter(day -> day.isAfter(certifiedOn))
            .orElse(certifiedOn);
    return now.effectiveOn(ended, sites.zoneOf(cohort));
  }

  private Certificate issue(
      Cohort cohort,
      Programme programme,
      CertificationResult result,
      List<CompetencyBlock> certified,
      String actor) {
    Certificate certificate = new Certificate();
    certificate.id = UUID.randomUUID();
    certificate.publicId = PublicIds.next();
    certificate.resultId = result.id;
    certificate.cohortId = cohort.id;
    certificate.learnerId = result.learnerId;
    certificate.outcome = result.outcome;
    certificate.programmeCode = programme.code;
    certificate.programmeTitleFr = programme.titleFr;
    certificate.programmeTitleEn = programme.titleEn;
    certificate.programmeTitleAr = programme.titleAr;
    certificate.certificationFramework = programme.certificationFramework;
    certificate.certificationCode = programme.certificationCode;
    certificate.certificationLevel = programme.certificationLevel;
    certificate.certifiedOn = result.certifiedOn;
    certificate.issuedAt = result.recordedAt;
    certificate.status = CertificateStatus.VALID;
    certificate.blocks.addAll(certified.stream().map(CertifiedBlock::of).toList());
    certificates.persist(certificate);

    CertificateAudit issued = new CertificateAudit();
    issued.id = UUID.randomUUID();
    issued.certificateId = certificate.id;
    issued.action = CertificateAudit.Action.ISSUED;
    issued.actor = actor;
    issued.actedAt = result.recordedAt;
    audits.persist(issued);
    return certificate;
  }

  /** What a cohort's results sort by (ADR 0040): oldest first unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of(
          "recordedAt",
          "learnerId",
          "recordedAt",
          "recordedAt",
          "certifiedOn",
          "certifiedOn",
          "outcome",
          "outcome");

  /** The cohort's results, oldest first, with the certificates they issued. */
  @Transactional
  public Page<CertificationResultView> list(
      UUID cohortId, CertificationOutcome outcome, int page, int size, AccessScope scope) {
    return list(cohortId, outcome, SORTING.parse(null), page, size, scope);
  }

  /** The same in the order asked for, ties broken by learner id. */
  @Transactional
  public Page<CertificationResultView> list(
      UUID cohortId,
      CertificationOutcome outcome,
      Sorting.Order order,
      int page,
      int size,
      AccessScope scope) {
    Cohort cohort = cohorts.inScope(cohortId, scope);
    boolean staff = scope.isStaff();
    var query =
        outcome == null
            ? results.find("cohortId = ?1", order.sort(), cohort.id)
            : results.find("cohortId = ?1 and outcome = ?2", order.sort(), cohort.id, outcome);
    List<CertificationResult> found = query.page(page, size).list();
    Map<UUID, Certificate> issued =
        certificates.ofResults(found.stream().map(result -> result.id).toList()).stream()
            .collect(Collectors.toMap(certificate -> certificate.resultId, Function.identity()));
    List<CertificationResultView> items =
        found.stream()
            .map(result -> CertificationResultView.of(result, issued.get(result.id), staff))
            .toList();
    return new Page<>(items, page, size, query.count());
  }

  @Transactional
  public CertificationResultView get(UUID cohortId, UUID learnerId, AccessScope scope) {
    Cohort cohort = cohorts.inScope(cohortId, scope);
    CertificationResult result =
        results
            .findInCohort(cohort.id, learnerId)
            .orElseThrow(() -> ProblemException.notFound("certification-result"));
    Certificate certificate =
        certificates.ofResults(List.of(result.id)).stream().findFirst().orElse(null);
    return CertificationResultView.of(result, certificate, scope.isStaff());
  }
}
