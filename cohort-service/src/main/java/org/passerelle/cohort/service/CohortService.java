package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.Programme;
import org.passerelle.cohort.Site;
import org.passerelle.cohort.api.CancelCohortRequest;
import org.passerelle.cohort.api.ChangeCohortRequest;
import org.passerelle.cohort.api.CohortView;
import org.passerelle.cohort.api.ScheduleCohortRequest;
import org.passerelle.cohort.events.CohortCancelled;
import org.passerelle.cohort.events.CohortChanged;
import org.passerelle.cohort.events.CohortCompleted;
import org.passerelle.cohort.events.CohortScheduled;
import org.passerelle.cohort.events.CohortStarted;
import org.passerelle.cohort.repository.CohortLearnerRepository;
import org.passerelle.cohort.repository.CohortRepository;
import org.passerelle.cohort.repository.ProgrammeRepository;
import org.passerelle.cohort.repository.SiteRepository;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.problem.ProblemType;

/**
 * Scheduling, changing, opening, starting, completing, cancelling and reading cohorts, within the
 * caller's scope.
 */
@ApplicationScoped
public class CohortService {

  /** The minimum age when none is given: adults only. */
  static final int DEFAULT_MINIMUM_AGE = 18;

  private final CohortRepository cohorts;
  private final CohortLearnerRepository learners;
  private final SiteRepository sites;
  private final ProgrammeRepository programmes;
  private final KnownPartnerService partners;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;
  private final Now now;

  CohortService(
      CohortRepository cohorts,
      CohortLearnerRepository learners,
      SiteRepository sites,
      ProgrammeRepository programmes,
      KnownPartnerService partners,
      Outbox outbox,
      IdempotencyKeys idempotency,
      Now now) {
    this.cohorts = cohorts;
    this.learners = learners;
    this.sites = sites;
    this.programmes = programmes;
    this.partners = partners;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.now = now;
  }

  @Transactional
  public IdempotencyKeys.Outcome<CohortView> schedule(
      ScheduleCohortRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "schedule-cohort",
        request,
        CohortView.class,
        () -> create(request, scope));
  }

  private CohortView create(ScheduleCohortRequest request, AccessScope scope) {
    Site site =
        sites
            .findByIdOptional(request.siteCode())
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.UNPROCESSABLE,
                        "unprocessable.unknown-site",
                        request.siteCode()));
    if (!scope.covers(site.country, site.code)) {
      throw ProblemException.outOfScope();
    }
    Programme programme =
        programmes
            .findByIdOptional(request.programmeCode())
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.UNPROCESSABLE,
                        "unprocessable.unknown-programme",
                        request.programmeCode()));
    if (!request.endDate().isAfter(request.startDate())) {
      throw ProblemException.invalid("endDate", "unprocessable.dates");
    }
    OffsetDateTime createdAt = now.timestamp();
    LocalDate closesOn =
        request.recruitmentClosesOn() == null
            ? request.startDate().minusDays(1)
            : request.recruitmentClosesOn();
    // Recruitment opens the day the cohort is scheduled, unless it already closed by then (a
    // cohort starting today or earlier): an empty-looking default must not refuse the request.
    LocalDate opensOn =
        request.recruitmentOpensOn() != null
            ? request.recruitmentOpensOn()
            : earliest(createdAt.toLocalDate(), closesOn);
    checkRecruitmentWindow(
        opensOn,
        closesOn,
        request.startDate(),
        request.recruitmentOpensOn() != null,
        request.recruitmentClosesOn() != null);
    List<UUID> funderPartnerIds = ids(request.funderPartnerIds());
    partners.requireFunders(funderPartnerIds, site.country, List.of());
    Cohort cohort = new Cohort();
    cohort.id = UUID.randomUUID();
    cohort.programmeCode = programme.code;
    cohort.siteCode = site.code;
    cohort.country = site.country;
    cohort.startDate = request.startDate();
    cohort.endDate = request.endDate();
    cohort.capacity = request.capacity();
    cohort.recruitmentOpensOn = opensOn;
    cohort.recruitmentClosesOn = closesOn;
    cohort.minimumAge = request.minimumAge() == null ? DEFAULT_MINIMUM_AGE : request.minimumAge();
    cohort.trainers = names(request.trainers());
    cohort.funders = names(request.funders());
    cohort.funderPartnerIds = funderPartnerIds;
    cohort.status = CohortStatus.PLANNED;
    cohort.createdAt = createdAt;
    cohorts.persistAndFlush(cohort);
    outbox.publish(
        DomainEvent.v1(
            CohortScheduled.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            CohortScheduled.of(cohort)));
    return CohortView.of(cohort, 0, true);
  }

  /**
   * Changes a cohort's dates, capacity, recruitment window or minimum age while it is planned or
   * recruiting, and its trainers and funders (names and partner ids) until it completes (a trainer
   * may be replaced while the cohort runs). {@code ifMatch} tells whether the caller's If-Match
   * names a version; the event carries the version the change produced, the one a read then shows.
   * A change that changes nothing emits nothing.
   */
  @Transactional
  public CohortView change(
      UUID id, ChangeCohortRequest request, LongPredicate ifMatch, AccessScope scope) {
    // Locked so that no other change (e.g. an application counted, a seat taken) slips in between
    // the If-Match check and the update: the version checked is the version changed.
    Cohort cohort = cohorts.lockedInScope(id, scope);
    if (!ifMatch.test(cohort.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    boolean beforeStart =
        cohort.status == CohortStatus.PLANNED || cohort.status == CohortStatus.RECRUITING;
    boolean staffingOnly =
        cohort.status == CohortStatus.RUNNING && !request.changesMoreThanStaffing();
    if (!beforeStart && !staffingOnly) {
      throw new ProblemException(ProblemType.CONFLICT, "conflict.cohort-started");
    }
    LocalDate startDate = request.startDate == null ? cohort.startDate : request.startDate;
    LocalDate endDate = request.endDate == null ? cohort.endDate : request.endDate;
    int capacity = request.capacity == null ? cohort.capacity : request.capacity;
    LocalDate opensOn =
        request.recruitmentOpensOn == null ? cohort.recruitmentOpensOn : request.recruitmentOpensOn;
    LocalDate closesOn =
        request.recruitmentClosesOn == null
            ? cohort.recruitmentClosesOn
            : request.recruitmentClosesOn;
    int minimumAge = request.minimumAge == null ? cohort.minimumAge : request.minimumAge;
    List<String> trainers = request.trainers == null ? cohort.trainers : names(request.trainers);
    List<String> funders = request.funders == null ? cohort.funders : names(request.funders);
    List<UUID> funderPartnerIds =
        request.funderPartnerIds == null ? cohort.funderPartnerIds : ids(request.funderPartnerIds);
    if (!endDate.isAfter(startDate)) {
      throw ProblemException.invalid(
          request.endDate == null ? "startDate" : "endDate", "unprocessable.dates");
    }
    checkRecruitmentWindow(
        opensOn,
        closesOn,
        startDate,
        request.recruitmentOpensOn != null,
        request.recruitmentClosesOn != null);
    long seatsTaken = learners.seatsTaken(cohort.id);
    if (capacity < seatsTaken) {
      throw ProblemException.invalid("capacity", "unprocessable.capacity-below-seats", seatsTaken);
    }
    if (request.funderPartnerIds != null) {
      partners.requireFunders(funderPartnerIds, cohort.country, cohort.funderPartnerIds);
    }
    if (startDate.equals(cohort.startDate)
        && endDate.equals(cohort.endDate)
        && capacity == cohort.capacity
        && opensOn.equals(cohort.recruitmentOpensOn)
        && closesOn.equals(cohort.recruitmentClosesOn)
        && minimumAge == cohort.minimumAge
        && trainers.equals(cohort.trainers)
        && funders.equals(cohort.funders)
        && funderPartnerIds.equals(cohort.funderPartnerIds)) {
      return CohortView.of(cohort, seatsTaken, true);
    }
    cohort.startDate = startDate;
    cohort.endDate = endDate;
    cohort.capacity = capacity;
    cohort.recruitmentOpensOn = opensOn;
    cohort.recruitmentClosesOn = closesOn;
    cohort.minimumAge = minimumAge;
    cohort.trainers = new ArrayList<>(trainers);
    cohort.funders = new ArrayList<>(funders);
    cohort.funderPartnerIds = new ArrayList<>(funderPartnerIds);
    cohorts.flush();
    outbox.publish(
        DomainEvent.v1(
            CohortChanged.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            CohortChanged.of(cohort)));
    return CohortView.of(cohort, seatsTaken, true);
  }

  /**
   * Opens recruitment: planned to recruiting, so enrollment takes applications. Emits
   * cohort-changed with the new status and version.
   */
  @Transactional
  public CohortView openRecruitment(UUID id, LongPredicate ifMatch, AccessScope scope) {
    Cohort cohort = transition(id, CohortStatus.RECRUITING, ifMatch, scope);
    cohorts.flush();
    outbox.publish(
        DomainEvent.v1(
            CohortChanged.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            CohortChanged.of(cohort)));
    return CohortView.of(cohort, learners.seatsTaken(cohort.id), true);
  }

  /**
   * Starts a recruiting cohort on or after its start date, in its site's time zone: every enrolled
   * learner becomes active. Emits cohort-started with the whole cohort and the active learners.
   */
  @Transactional
  public CohortView start(UUID id, LongPredicate ifMatch, AccessScope scope) {
    Cohort cohort = transition(id, CohortStatus.RUNNING, ifMatch, scope);
    ZoneId zone = sites.zoneOf(cohort);
    LocalDate today = now.today(zone);
    if (today.isBefore(cohort.startDate)) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          "unprocessable.cohort-starts-later",
          cohort.startDate.toString(),
          today.toString(),
          zone.getId());
    }
    OffsetDateTime startedAt = now.timestamp();
    cohort.startedAt = startedAt;
    // Under the cohort's lock, which every change to its seats takes first.
    for (CohortLearner learner : learners.inStatus(cohort.id, LearnerStatus.ENROLLED)) {
      learner.moveTo(LearnerStatus.ACTIVE);
      learner.activatedAt = startedAt;
    }
    cohorts.flush();
    long active = learners.count("cohortId = ?1 and status = ?2", cohort.id, LearnerStatus.ACTIVE);
    outbox.publish(
        DomainEvent.v1(
            CohortStarted.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            CohortStarted.of(cohort, active)));
    return CohortView.of(cohort, learners.seatsTaken(cohort.id), true);
  }

  /**
   * Completes a running cohort on or after its end date, in its site's time zone. Learners still
   * active stay so: their jury's result completes them. Emits cohort-completed with the whole
   * cohort and its learners counted by status.
   */
  @Transactional
  public CohortView complete(UUID id, LongPredicate ifMatch, AccessScope scope) {
    Cohort cohort = transition(id, CohortStatus.COMPLETED, ifMatch, scope);
    ZoneId zone = sites.zoneOf(cohort);
    LocalDate today = now.today(zone);
    if (today.isBefore(cohort.endDate)) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          "unprocessable.cohort-ends-later",
          cohort.endDate.toString(),
          today.toString(),
          zone.getId());
    }
    cohort.completedAt = now.timestamp();
    cohorts.flush();
    Map<LearnerStatus, Long> counts = learners.countByStatus(cohort.id);
    outbox.publish(
        DomainEvent.v1(
            CohortCompleted.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            CohortCompleted.of(cohort, counts)));
    return CohortView.of(cohort, learners.seatsTaken(cohort.id), true);
  }

  /**
   * Cancels a cohort that has not started. The reason stays here; cohort-cancelled carries none.
   */
  @Transactional
  public CohortView cancel(
      UUID id, CancelCohortRequest request, LongPredicate ifMatch, AccessScope scope) {
    Cohort cohort = transition(id, CohortStatus.CANCELLED, ifMatch, scope);
    cohort.cancelledAt = now.timestamp();
    cohort.cancellationReason =
        request == null || request.reason() == null || request.reason().isBlank()
            ? null
            : request.reason().strip();
    cohorts.flush();
    outbox.publish(
        DomainEvent.v1(
            CohortCancelled.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            CohortCancelled.of(cohort)));
    return CohortView.of(cohort, learners.seatsTaken(cohort.id), true);
  }

  /** The cohort, locked, moved to {@code target} if If-Match and the state machine allow it. */
  private Cohort transition(
      UUID id, CohortStatus target, LongPredicate ifMatch, AccessScope scope) {
    Cohort cohort = cohorts.lockedInScope(id, scope);
    if (!ifMatch.test(cohort.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    if (!cohort.status.canMoveTo(target)) {
      throw new ProblemException(
          ProblemType.ILLEGAL_TRANSITION, "illegal-transition.detail", cohort.status, target);
    }
    cohort.status = target;
    return cohort;
  }

  /**
   * Recruitment closes on or after it opens, and before the cohort starts. The field named is the
   * one the caller sent that breaks the rule (startDate when only the start moved).
   */
  private static void checkRecruitmentWindow(
      LocalDate opensOn,
      LocalDate closesOn,
      LocalDate startDate,
      boolean opensOnSent,
      boolean closesOnSent) {
    if (!closesOn.isBefore(startDate)) {
      throw ProblemException.invalid(
          closesOnSent ? "recruitmentClosesOn" : "startDate",
          "unprocessable.recruitment-closes-after-start");
    }
    if (closesOn.isBefore(opensOn)) {
      throw ProblemException.invalid(
          opensOnSent && !closesOnSent ? "recruitmentOpensOn" : "recruitmentClosesOn",
          "unprocessable.recruitment-closes-before-opening");
    }
  }

  /** Names as staff typed them, without surrounding white space; none when left out. */
  private static List<String> names(List<String> sent) {
    return sent == null
        ? new ArrayList<>()
        : new ArrayList<>(sent.stream().map(String::strip).toList());
  }

  /** Ids as staff gave them, in their order; none when left out. */
  private static List<UUID> ids(List<UUID> sent) {
    return sent == null ? new ArrayList<>() : new ArrayList<>(sent);
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * The cohort if staff-level access reaches it; otherwise it does not exist. One read of its row,
   * seats included, outside any transaction (ADR 0034): the row is one consistent state.
   */
  public CohortView get(UUID id, AccessScope scope) {
    Cohort cohort = cohorts.readInScope(id, scope);
    return CohortView.of(cohort, cohort.seatsTaken, scope.isStaff());
  }
}
