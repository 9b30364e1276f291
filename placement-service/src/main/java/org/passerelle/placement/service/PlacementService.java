package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.security.ScopeQuery;
import org.passerelle.commons.time.Now;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.DismissalReason;
import org.passerelle.placement.Learner;
import org.passerelle.placement.PartnerStatus;
import org.passerelle.placement.Placement;
import org.passerelle.placement.PlacementSource;
import org.passerelle.placement.PlacementStatus;
import org.passerelle.placement.Situation;
import org.passerelle.placement.api.CandidacyHired;
import org.passerelle.placement.api.DismissPlacementRequest;
import org.passerelle.placement.api.PlacementView;
import org.passerelle.placement.api.RecordPlacementRequest;
import org.passerelle.placement.api.SituationReport;
import org.passerelle.placement.events.PlacementRecorded;
import org.passerelle.placement.repository.KnownPartnerRepository;
import org.passerelle.placement.repository.LearnerRepository;
import org.passerelle.placement.repository.PlacementRepository;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * Placements: a learner's situation at a date, recorded by staff, by the learner for themself, from
 * a hired candidacy or from a follow-up, each announced by placement-recorded in the same
 * transaction; and the placement to confirm of a learner who left for a job, which staff confirm or
 * dismiss.
 */
@ApplicationScoped
public class PlacementService {

  /** The filters of the placement list; null means any. */
  public record Filters(
      UUID learnerId,
      String site,
      Situation situation,
      PlacementStatus status,
      PlacementSource source,
      Boolean durableEmployment) {}

  /** What the list sorts by (ADR 0040): latest situation first unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of(
          "-situationOn",
          "id",
          "situationOn",
          "situationOn",
          "startDate",
          "startDate",
          "status",
          "status",
          "situation",
          "situation",
          "site",
          "siteCode",
          "recordedAt",
          "recordedAt");

  private final PlacementRepository placements;
  private final LearnerRepository learners;
  private final KnownPartnerRepository partners;
  private final DurableEmployment durable;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;
  private final FollowUpCalendar calendar;
  private final Now now;

  PlacementService(
      PlacementRepository placements,
      LearnerRepository learners,
      KnownPartnerRepository partners,
      DurableEmployment durable,
      Outbox outbox,
      IdempotencyKeys idempotency,
      FollowUpCalendar calendar,
      Now now) {
    this.placements = placements;
    this.learners = learners;
    this.partners = partners;
    this.durable = durable;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.calendar = calendar;
    this.now = now;
  }

  @Transactional
  public IdempotencyKeys.Outcome<PlacementView> record(
      RecordPlacementRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "record-placement",
        request,
        PlacementView.class,
        () -> create(request, scope));
  }

  private PlacementView create(RecordPlacementRequest request, AccessScope scope) {
    Learner learner;
    PlacementSource source;
    if (scope.isStaff()) {
      if (request.learnerId() == null) {
        throw ProblemException.invalid("learnerId", "invalid-request.placement-learner-required");
      }
      learner = staffLearner(request.learnerId(), scope);
      source = request.source() == null ? PlacementSource.LEARNER : request.source();
      if (source != PlacementSource.LEARNER && source != PlacementSource.EMPLOYER) {
        throw ProblemException.invalid("source", "invalid-request.placement-source", source);
      }
    } else {
      learner = LearnerAccess.own(learners, scope).orElseThrow(() -> notFound("learner"));
      if (request.learnerId() != null && !request.learnerId().equals(learner.learnerId)) {
        throw notFound("learner");
      }
      if (request.source() != null && request.source() != PlacementSource.LEARNER) {
        throw ProblemException.invalid(
            "source", "invalid-request.placement-source", request.source());
      }
      source = PlacementSource.LEARNER;
    }
    Placement placement = newPlacement(learner, request.report(), source, scope.subject());
    placement.status = PlacementStatus.RECORDED;
    placements.persistAndFlush(placement);
    announce(placement);
    return PlacementView.of(placement, true);
  }

  /** Staff confirm the placement of a learner who left for a job, with what they learned of it. */
  @Transactional
  public PlacementView confirm(
      UUID id, SituationReport report, LongPredicate ifMatch, AccessScope scope) {
    Placement placement = toMove(id, PlacementStatus.RECORDED, ifMatch, scope);
    Learner learner = learners.findById(placement.learnerId);
    fill(placement, learner, report);
    placement.status = PlacementStatus.RECORDED;
    placement.recordedBy = scope.subject();
    placement.recordedAt = now.timestamp();
    placements.flush();
    announce(placement);
    return PlacementView.of(placement, true);
  }

  /**
   * Staff dismiss the placement of a learner who left for a job that fell through or never was one:
   * nothing was recorded, so nothing is announced.
   */
  @Transactional
  public PlacementView dismiss(
      UUID id, DismissPlacementRequest request, LongPredicate ifMatch, AccessScope scope) {
    Placement placement = toMove(id, PlacementStatus.DISMISSED, ifMatch, scope);
    String note = blankToNull(request.note());
    if (request.reason() == DismissalReason.OTHER && note == null) {
      throw ProblemException.invalid("note", "invalid-request.placement-dismissal-note-required");
    }
    placement.status = PlacementStatus.DISMISSED;
    placement.dismissalReason = request.reason();
    placement.dismissalNote = note;
    placement.dismissedBy = scope.subject();
    placement.dismissedAt = now.timestamp();
    placements.flush();
    return PlacementView.of(placement, true);
  }

  /**
   * The placement a staff member of its scope moves to {@code target}: 404 outside the scope, 403
   * for other roles, 412 on a stale If-Match, 409 when its status does not lead there.
   */
  private Placement toMove(
      UUID id, PlacementStatus target, LongPredicate ifMatch, AccessScope scope) {
    Placement placement =
        placements
            .findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            .filter(found -> scope.covers(found.country, found.siteCode))
            .orElseThrow(() -> notFound("placement"));
    if (!scope.isStaff()) {
      throw ProblemException.forbidden();
    }
    if (!ifMatch.test(placement.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    if (!placement.status.canMoveTo(target)) {
      throw new ProblemException(
          ProblemType.ILLEGAL_TRANSITION, "illegal-transition.detail", placement.status, target);
    }
    return placement;
  }

  /**
   * A candidacy moved to HIRED (pl-offers' transaction): its placement is recorded in the same
   * commit, once per candidacy however often the event is fired.
   */
  void hired(@Observes CandidacyHired hire) {
    if (placements.count("candidacyId", hire.candidacyId()) > 0) {
      return;
    }
    Learner learner =
        learners
            .findByIdOptional(hire.learnerId())
            .orElseThrow(() -> new IllegalStateException("hired learner unknown: " + hire));
    ContractType contract = hire.contractType();
    boolean workStudy =
        contract == ContractType.APPRENTICESHIP || contract == ContractType.PROFESSIONALISATION;
    LocalDate start = hire.startDate() != null ? hire.startDate() : calendar.today(learner.country);
    SituationReport report =
        new SituationReport(
            workStudy ? Situation.WORK_STUDY : Situation.EMPLOYED,
            start,
            start,
            hire.employerPartnerId(),
            hire.employerName(),
            contract,
            hire.durationMonths(),
            null,
            null,
            null,
            null,
            null);
    Placement placement = newPlacement(learner, report, PlacementSource.CANDIDACY, hire.actor());
    placement.status = PlacementStatus.RECORDED;
    placement.candidacyId = hire.candidacyId();
    placements.persistAndFlush(placement);
    announce(placement);
  }

  /**
   * A learner left the training for a job (learner-withdrew FOUND_JOB): a placement to confirm,
   * unless one is waiting already or a situation was recorded since that exit. Announced only once
   * confirmed, with its contract.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean toConfirm(Learner learner, String actor) {
    long known =
        placements.count(
            "learnerId = ?1 and (status = ?2 or situationOn >= ?3)",
            learner.learnerId,
            PlacementStatus.TO_CONFIRM,
            learner.exitDate);
    if (known > 0) {
      return false;
    }
    Placement placement = new Placement();
    placement.id = UUID.randomUUID();
    placement.learnerId = learner.learnerId;
    placement.country = learner.country;
    placement.siteCode = learner.siteCode;
    placement.status = PlacementStatus.TO_CONFIRM;
    placement.situation = Situation.EMPLOYED;
    placement.situationOn = learner.exitDate;
    placement.startDate = learner.exitDate;
    placement.source = PlacementSource.LEARNER;
    placement.recordedBy = actor;
    placement.recordedAt = now.timestamp();
    placements.persist(placement);
    return true;
  }

  /** The situation a follow-up recorded, by staff or the learner answering it. */
  @Transactional(Transactional.TxType.MANDATORY)
  Placement fromFollowUp(Learner learner, UUID followUpId, SituationReport report, String actor) {
    Placement placement = newPlacement(learner, report, PlacementSource.FOLLOW_UP, actor);
    placement.status = PlacementStatus.RECORDED;
    placement.followUpId = followUpId;
    placements.persistAndFlush(placement);
    announce(placement);
    return placement;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public int learnerErased(UUID learnerId) {
    return placements.eraseFreeText(learnerId);
  }

  private Placement newPlacement(
      Learner learner, SituationReport report, PlacementSource source, String actor) {
    Placement placement = new Placement();
    placement.id = UUID.randomUUID();
    placement.learnerId = learner.learnerId;
    placement.country = learner.country;
    placement.siteCode = learner.siteCode;
    placement.source = source;
    fill(placement, learner, report);
    placement.recordedBy = actor;
    placement.recordedAt = now.timestamp();
    return placement;
  }

  private void fill(Placement placement, Learner learner, SituationReport report) {
    check(report, learner.country);
    LocalDate on =
        report.situationOn() != null ? report.situationOn() : calendar.today(learner.country);
    placement.situation = report.situation();
    placement.situationOn = on;
    placement.startDate = report.startDate() != null ? report.startDate() : on;
    placement.employerPartnerId = report.employerPartnerId();
    placement.employerName = blankToNull(report.employerName());
    placement.contractType = report.contractType();
    placement.durationMonths = report.durationMonths();
    placement.workingTime = report.workingTime();
    placement.salaryBand = report.salaryBand();
    placement.matchesTraining = report.matchesTraining();
    placement.evidenceKind = report.evidenceKind();
    placement.evidenceNote = blankToNull(report.evidenceNote());
    placement.durableEmployment =
        durable.test(
            learner.country, report.situation(), report.contractType(), report.durationMonths());
  }

  /**
   * A job under contract names its contract, and its length when fixed-term; work-study is an
   * apprenticeship or a professionalisation contract; a situation without a job names no employer
   * nor contract; a partner named is one known in the learner's country.
   */
  private void check(SituationReport report, String country) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Situation situation = report.situation();
    ContractType contract = report.contractType();
    if (situation.underContract() && contract == null) {
      errors.add(error("contractType", "invalid-request.placement-contract-required", situation));
    }
    if (!situation.underContract() && contract != null && situation != Situation.SELF_EMPLOYED) {
      errors.add(error("contractType", "invalid-request.placement-no-contract", situation));
    }
    if (situation == Situation.WORK_STUDY
        && contract != null
        && contract != ContractType.APPRENTICESHIP
        && contract != ContractType.PROFESSIONALISATION) {
      errors.add(error("contractType", "invalid-request.placement-work-study", contract));
    }
    boolean fixedTerm =
        contract == ContractType.CDD
            || contract == ContractType.TEMPORARY
            || contract == ContractType.INTERNSHIP;
    if (fixedTerm && report.durationMonths() == null) {
      errors.add(error("durationMonths", "invalid-request.placement-duration-required", contract));
    }
    if (!situation.hasEmployer()
        && (report.employerPartnerId() != null || blankToNull(report.employerName()) != null)) {
      errors.add(error("employerName", "invalid-request.placement-no-employer", situation));
    }
    if (report.startDate() != null
        && report.situationOn() != null
        && report.startDate().isAfter(report.situationOn().plusYears(1))) {
      errors.add(error("startDate", "invalid-request.placement-start-date"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.VALIDATION_FAILED, errors, "validation-failed.detail");
    }
    if (report.employerPartnerId() != null) {
      boolean known =
          partners
              .findByIdOptional(report.employerPartnerId())
              .filter(partner -> partner.country.equals(country))
              .filter(partner -> partner.status == PartnerStatus.ACTIVE)
              .isPresent();
      if (!known) {
        throw new ProblemException(
            ProblemType.UNPROCESSABLE,
            List.of(
                error(
                    "employerPartnerId",
                    "unprocessable.partner-not-known",
                    report.employerPartnerId(),
                    country)),
            "unprocessable.partner-not-known",
            report.employerPartnerId(),
            country);
      }
    }
  }

  private void announce(Placement placement) {
    outbox.publish(
        DomainEvent.v1(
            PlacementRecorded.NAME,
            placement.id,
            placement.country,
            placement.siteCode,
            PlacementRecorded.of(placement)));
  }

  @Transactional
  public Page<PlacementView> list(Filters filters, int page, int size, AccessScope scope) {
    return list(filters, SORTING.parse(null), page, size, scope);
  }

  /** The same, in the order asked for (ADR 0040). */
  @Transactional
  public Page<PlacementView> list(
      Filters filters, Sorting.Order order, int page, int size, AccessScope scope) {
    Map<String, Object> parameters = new HashMap<>();
    List<String> where = new ArrayList<>();
    boolean freeText = true;
    if (scope.isStaff() || scope.has(Roles.INTEGRATION)) {
      where.add(ScopeQuery.staff(scope, parameters, "country", "siteCode"));
      freeText = scope.isStaff();
    } else {
      UUID own = LearnerAccess.own(learners, scope).map(learner -> learner.learnerId).orElse(null);
      if (own == null) {
        return new Page<>(List.of(), page, size, 0);
      }
      where.add("learnerId = :own");
      parameters.put("own", own);
    }
    if (filters.learnerId() != null) {
      where.add("learnerId = :learnerId");
      parameters.put("learnerId", filters.learnerId());
    }
    if (filters.site() != null) {
      where.add("siteCode = :site");
      parameters.put("site", filters.site());
    }
    if (filters.situation() != null) {
      where.add("situation = :situation");
      parameters.put("situation", filters.situation());
    }
    if (filters.status() != null) {
      where.add("status = :status");
      parameters.put("status", filters.status());
    }
    if (filters.source() != null) {
      where.add("source = :source");
      parameters.put("source", filters.source());
    }
    if (filters.durableEmployment() != null) {
      where.add("durableEmployment = :durable");
      parameters.put("durable", filters.durableEmployment());
    }
    var query = placements.find(String.join(" and ", where), order.sort(), parameters);
    boolean withText = freeText;
    boolean staffNotes = scope.isStaff();
    return Page.of(
        query, page, size, placement -> PlacementView.of(placement, withText, staffNotes));
  }

  @Transactional
  public PlacementView get(UUID id, AccessScope scope) {
    Placement placement = placements.findByIdOptional(id).orElseThrow(() -> notFound("placement"));
    if (scope.covers(placement.country, placement.siteCode)) {
      return PlacementView.of(placement, scope.isStaff());
    }
    boolean own =
        LearnerAccess.own(learners, scope)
            .filter(learner -> learner.learnerId.equals(placement.learnerId))
            .isPresent();
    if (!own) {
      throw notFound("placement");
    }
    return PlacementView.of(placement, true, false);
  }

  private Learner staffLearner(UUID learnerId, AccessScope scope) {
    Learner learner =
        learners
            .findByIdOptional(learnerId)
            .filter(found -> found.siteCode != null)
            .filter(found -> scope.covers(found.country, found.siteCode))
            .orElseThrow(() -> notFound("learner"));
    if (!scope.isStaff()) {
      throw ProblemException.forbidden();
    }
    return learner;
  }

  private static ProblemException notFound(String resource) {
    return ProblemException.notFound(resource);
  }

  private static Problem.FieldError error(String field, String key, Object... arguments) {
    return new Problem.FieldError(field, Messages.format(null, key, arguments));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
