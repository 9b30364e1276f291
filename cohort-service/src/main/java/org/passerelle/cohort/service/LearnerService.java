package org.passerelle.cohort.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.KnownApplication;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.api.EnrolLearnersRequest;
import org.passerelle.cohort.api.EnrolmentView;
import org.passerelle.cohort.api.LearnerView;
import org.passerelle.cohort.api.TransferLearnersRequest;
import org.passerelle.cohort.api.TransferView;
import org.passerelle.cohort.api.WithdrawLearnerRequest;
import org.passerelle.cohort.events.LearnerAttendance;
import org.passerelle.cohort.events.LearnerTransferred;
import org.passerelle.cohort.events.LearnerWithdrew;
import org.passerelle.cohort.repository.AttendanceRepository;
import org.passerelle.cohort.repository.CohortLearnerRepository;
import org.passerelle.cohort.repository.CohortRepository;
import org.passerelle.cohort.repository.KnownApplicationRepository;
import org.passerelle.cohort.repository.SiteRepository;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * The learners of a cohort as staff manage them: reading, withdrawing, enrolling a list, moving
 * learners to another cohort. Seats are given and taken back through {@link SeatService}, under the
 * cohort row's lock, so staff's actions and enrollment-service's acceptances share one capacity.
 */
@ApplicationScoped
public class LearnerService {

  private final CohortRepository cohorts;
  private final CohortLearnerRepository learners;
  private final KnownApplicationRepository applications;
  private final SeatService seats;
  private final SiteRepository sites;
  private final AttendanceRepository attendance;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;
  private final Now now;

  LearnerService(
      CohortRepository cohorts,
      CohortLearnerRepository learners,
      KnownApplicationRepository applications,
      SeatService seats,
      SiteRepository sites,
      AttendanceRepository attendance,
      Outbox outbox,
      IdempotencyKeys idempotency,
      Now now) {
    this.cohorts = cohorts;
    this.learners = learners;
    this.applications = applications;
    this.seats = seats;
    this.sites = sites;
    this.attendance = attendance;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.now = now;
  }

  /** What a cohort's learners sort by (ADR 0040): oldest seat first unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of(
          "enrolledAt",
          "learnerId",
          "enrolledAt",
          "enrolledAt",
          "status",
          "status",
          "withdrawnAt",
          "withdrawnAt",
          "completedAt",
          "completedAt");

  /** The cohort's learners, optionally only those in these statuses, oldest seat first. */
  @Transactional
  public Page<LearnerView> list(
      UUID cohortId, Set<LearnerStatus> statuses, int page, int size, AccessScope scope) {
    return list(cohortId, statuses, SORTING.parse(null), page, size, scope);
  }

  /** The same in the order asked for, ties broken by learner id. */
  @Transactional
  public Page<LearnerView> list(
      UUID cohortId,
      Set<LearnerStatus> statuses,
      Sorting.Order sorting,
      int page,
      int size,
      AccessScope scope) {
    Cohort cohort = cohorts.inScope(cohortId, scope);
    Sort order = sorting.sort();
    var query =
        statuses.isEmpty()
            ? learners.find("cohortId = ?1", order, cohort.id)
            : learners.find("cohortId = ?1 and status in ?2", order, cohort.id, statuses);
    boolean staff = staff(scope);
    return Page.of(query, page, size, seat -> LearnerView.of(seat, staff));
  }

  /** One learner of the cohort; 404 when the cohort is out of scope or the learner not in it. */
  @Transactional
  public LearnerView get(UUID cohortId, UUID learnerId, AccessScope scope) {
    Cohort cohort = cohorts.inScope(cohortId, scope);
    return learners
        .findInCohort(cohort.id, learnerId)
        .map(seat -> LearnerView.of(seat, staff(scope)))
        .orElseThrow(() -> ProblemException.notFound("learner"));
  }

  /**
   * Staff record that an enrolled or active learner left the school, with the exit reason and an
   * optional comment: learner-withdrew, and seat-freed when the cohort has not started. Refused
   * (409) in a cancelled cohort, which never ran: its learners are transferred instead.
   */
  @Transactional
  public LearnerView withdraw(
      UUID cohortId,
      UUID learnerId,
      WithdrawLearnerRequest request,
      LongPredicate ifMatch,
      AccessScope scope) {
    Cohort cohort = cohorts.lockedInScope(cohortId, scope);
    CohortLearner seat =
        learners
            .findInCohort(cohort.id, learnerId)
            .orElseThrow(() -> ProblemException.notFound("learner"));
    if (!ifMatch.test(seat.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    if (cohort.status == CohortStatus.CANCELLED && seat.status.holdsSeat()) {
      // A cohort that never ran has no drop-outs to count: its learners leave it by a transfer.
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.withdraw-cancelled-cohort", seat.learnerId);
    }
    if (!seat.status.canMoveTo(LearnerStatus.WITHDRAWN)) {
      throw new ProblemException(
          ProblemType.ILLEGAL_TRANSITION,
          "illegal-transition.detail",
          seat.status,
          LearnerStatus.WITHDRAWN);
    }
    boolean beforeStart = SeatService.notStarted(cohort);
    OffsetDateTime withdrawnAt = withdrawnAt(request.withdrawnOn(), cohort, seat, beforeStart);
    seat.moveTo(LearnerStatus.WITHDRAWN);
    seat.withdrawnAt = withdrawnAt;
    seat.exitReason = request.exitReason();
    seat.exitComment =
        request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
    learners.flush();
    outbox.publish(
        DomainEvent.v1(
            LearnerWithdrew.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            LearnerWithdrew.of(
                cohort,
                seat,
                beforeStart,
                LearnerAttendance.of(attendance.ofLearners(List.of(seat.id))))));
    if (beforeStart) {
      // The seat is free from now on, whenever the learner said they would not come.
      seats.freed(cohort, seat, now.timestamp());
    }
    return LearnerView.of(seat, true);
  }

  /**
   * When the learner left: now, or the day staff name when recording it after the fact, at the
   * cohort's site. Not after today; once the cohort has started, not before its start date (a
   * learner who never came is withdrawn the day staff learn it, as without the field); not on or
   * before a session day they came to.
   */
  private OffsetDateTime withdrawnAt(
      LocalDate withdrawnOn, Cohort cohort, CohortLearner seat, boolean beforeStart) {
    if (withdrawnOn == null) {
      return now.timestamp();
    }
    ZoneId zone = sites.zoneOf(cohort);
    LocalDate today = now.today(zone);
    if (withdrawnOn.isAfter(today)) {
      throw ProblemException.invalid(
          "withdrawnOn", "invalid-request.withdrawal-in-future", today.toString());
    }
    if (!beforeStart && withdrawnOn.isBefore(cohort.startDate)) {
      throw ProblemException.invalid(
          "withdrawnOn", "invalid-request.withdrawal-before-start", cohort.startDate.toString());
    }
    Optional<LocalDate> lastDay = attendance.lastAttended(seat.id);
    if (lastDay.isPresent() && !withdrawnOn.isAfter(lastDay.get())) {
      throw ProblemException.invalid(
          "withdrawnOn", "invalid-request.withdrawal-before-attendance", lastDay.get().toString());
    }
    return now.effectiveOn(withdrawnOn, zone);
  }

  /**
   * Seats a list of learners at once, all or nothing: learners already seated here stay as they
   * are; the others need a free seat each, or nothing changes. Each learner must come with an
   * application of theirs that enrollment-service announced in the cohort's country (422
   * otherwise): a seat enrollment cannot follow would be a learner nobody knows. An application
   * seated in any other cohort, or a learner seated in another cohort of the programme, is refused
   * (409): that is a transfer.
   */
  @Transactional
  public IdempotencyKeys.Outcome<EnrolmentView> enrol(
      UUID cohortId, EnrolLearnersRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "enrol-learners " + cohortId,
        request,
        EnrolmentView.class,
        () -> enrolAll(cohortId, request, scope));
  }

  private EnrolmentView enrolAll(UUID cohortId, EnrolLearnersRequest request, AccessScope scope) {
    Set<UUID> named = new HashSet<>();
    Set<UUID> applications = new HashSet<>();
    for (int i = 0; i < request.learners().size(); i++) {
      EnrolLearnersRequest.Entry entry = request.learners().get(i);
      if (!named.add(entry.learnerId())) {
        throw ProblemException.invalid(
            "learners[" + i + "].learnerId",
            "invalid-request.duplicate-learner",
            entry.learnerId());
      }
      if (!applications.add(entry.applicationId())) {
        throw ProblemException.invalid(
            "learners[" + i + "].applicationId",
            "invalid-request.duplicate-application",
            entry.applicationId());
      }
    }
    Cohort cohort = cohorts.lockedInScope(cohortId, scope);
    if (!takesLearners(cohort)) {
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.cohort-not-taking-learners", cohort.status);
    }
    for (int i = 0; i < request.learners().size(); i++) {
      knownPair(cohort, request.learners().get(i), "learners[" + i + "].");
    }
    List<CohortLearner> alreadySeated = new ArrayList<>();
    List<EnrolLearnersRequest.Entry> toSeat = new ArrayList<>();
    List<Optional<CohortLearner>> rows = new ArrayList<>();
    for (EnrolLearnersRequest.Entry entry : request.learners()) {
      Optional<CohortLearner> existing = learners.findInCohort(cohort.id, entry.learnerId());
      if (existing.isPresent() && existing.get().status.holdsSeat()) {
        alreadySeated.add(existing.get());
        continue;
      }
      if (existing.isPresent() && existing.get().status == LearnerStatus.COMPLETED) {
        throw new ProblemException(
            ProblemType.CONFLICT, "conflict.learner-completed", entry.learnerId());
      }
      // One seat per application, and per learner in a programme: moving a seated learner is a
      // transfer, never a second seat (which enrollment could not follow).
      Optional<UUID> seatedIn = learners.cohortSeating(entry.applicationId());
      if (seatedIn.isEmpty()) {
        seatedIn = learners.otherCohortSeating(entry.learnerId(), cohort.programmeCode, cohort.id);
      }
      if (seatedIn.isPresent()) {
        // The other cohort is named only to callers whose scope reaches it.
        boolean visible =
            cohorts
                .findByIdOptional(seatedIn.get())
                .filter(other -> scope.covers(other.country, other.siteCode))
                .isPresent();
        throw visible
            ? new ProblemException(
                ProblemType.CONFLICT,
                "conflict.seated-elsewhere",
                entry.learnerId(),
                entry.applicationId(),
                seatedIn.get())
            : new ProblemException(
                ProblemType.CONFLICT,
                "conflict.seated-out-of-scope",
                entry.learnerId(),
                entry.applicationId());
      }
      toSeat.add(entry);
      rows.add(existing);
    }
    long seatsLeft = seats.seatsLeft(cohort);
    if (toSeat.size() > seatsLeft) {
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.not-enough-seats", seatsLeft, toSeat.size());
    }
    OffsetDateTime seatedAt = now.timestamp();
    List<CohortLearner> seated = new ArrayList<>();
    for (int i = 0; i < toSeat.size(); i++) {
      EnrolLearnersRequest.Entry entry = toSeat.get(i);
      seated.add(
          seats.seat(cohort, rows.get(i), entry.learnerId(), entry.applicationId(), seatedAt));
    }
    learners.flush();
    seated.forEach(seat -> seats.enrolled(cohort, seat));
    return new EnrolmentView(
        cohort.id,
        seated.stream().map(seat -> LearnerView.of(seat, true)).toList(),
        alreadySeated.stream().map(seat -> LearnerView.of(seat, true)).toList(),
        seats.seatsLeft(cohort));
  }

  /**
   * Moves enrolled or active learners to another cohort of the same programme and country, all or
   * nothing, both cohorts locked in id order. The learners' rows here become TRANSFERRED; in the
   * target they take a seat (a new row, or their earlier one), with the same application:
   * learner-transferred keyed by the source, then learner-enrolled keyed by the target. A cancelled
   * cohort's learners leave it this way.
   */
  @Transactional
  public IdempotencyKeys.Outcome<TransferView> transfer(
      UUID cohortId, TransferLearnersRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "transfer-learners " + cohortId,
        request,
        TransferView.class,
        () -> transferAll(cohortId, request, scope));
  }

  private TransferView transferAll(
      UUID cohortId, TransferLearnersRequest request, AccessScope scope) {
    Set<UUID> named = new HashSet<>();
    for (int i = 0; i < request.learnerIds().size(); i++) {
      UUID learnerId = request.learnerIds().get(i);
      if (!named.add(learnerId)) {
        throw ProblemException.invalid(
            "learnerIds[" + i + "]", "invalid-request.duplicate-learner", learnerId);
      }
    }
    if (request.toCohortId().equals(cohortId)) {
      throw ProblemException.invalid("toCohortId", "invalid-request.same-cohort");
    }
    List<Optional<Cohort>> locked = seats.lockBoth(cohortId, request.toCohortId());
    Cohort from = CohortRepository.reachable(locked.get(0), scope);
    Cohort to = CohortRepository.reachable(locked.get(1), scope);
    if (!to.programmeCode.equals(from.programmeCode)) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          "unprocessable.transfer-other-programme",
          to.programmeCode,
          from.programmeCode);
    }
    if (!to.country.equals(from.country)) {
      throw new ProblemException(ProblemType.UNPROCESSABLE, "unprocessable.transfer-other-country");
    }
    if (!takesLearners(to)) {
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.cohort-not-taking-learners", to.status);
    }
    List<CohortLearner> leaving = new ArrayList<>();
    List<Optional<CohortLearner>> arriving = new ArrayList<>();
    for (UUID learnerId : request.learnerIds()) {
      CohortLearner seat =
          learners
              .findInCohort(from.id, learnerId)
              .orElseThrow(
                  () ->
                      new ProblemException(
                          ProblemType.UNPROCESSABLE,
                          "unprocessable.learner-not-in-cohort",
                          learnerId));
      if (!seat.status.canMoveTo(LearnerStatus.TRANSFERRED)) {
        throw new ProblemException(
            ProblemType.ILLEGAL_TRANSITION,
            "illegal-transition.detail",
            seat.status,
            LearnerStatus.TRANSFERRED);
      }
      Optional<CohortLearner> there = learners.findInCohort(to.id, learnerId);
      if (there.isPresent()
          && (there.get().status.holdsSeat() || there.get().status == LearnerStatus.COMPLETED)) {
        throw new ProblemException(
            ProblemType.CONFLICT, "conflict.learner-in-target", learnerId, there.get().status);
      }
      leaving.add(seat);
      arriving.add(there);
    }
    long seatsLeft = seats.seatsLeft(to);
    if (leaving.size() > seatsLeft) {
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.not-enough-seats", seatsLeft, leaving.size());
    }
    OffsetDateTime movedAt = now.timestamp();
    List<CohortLearner> moved = new ArrayList<>();
    for (int i = 0; i < leaving.size(); i++) {
      CohortLearner seat = leaving.get(i);
      seat.moveTo(LearnerStatus.TRANSFERRED);
      seat.transferredTo = to.id;
      seat.transferredAt = movedAt;
      moved.add(seats.seat(to, arriving.get(i), seat.learnerId, seat.applicationId, movedAt));
    }
    learners.flush();
    for (CohortLearner seat : leaving) {
      outbox.publish(
          DomainEvent.v1(
              LearnerTransferred.NAME,
              from.id,
              from.country,
              from.siteCode,
              LearnerTransferred.of(from, to, seat)));
    }
    // Keyed by the target: its partition introduces the arriving learner before anything later
    // said about them there (a withdrawal), whatever the lag of the source cohort's partition.
    moved.forEach(seat -> seats.enrolled(to, seat));
    if (SeatService.notStarted(from)) {
      leaving.forEach(seat -> seats.freed(from, seat, movedAt));
    }
    return new TransferView(
        from.id,
        to.id,
        moved.stream().map(seat -> LearnerView.of(seat, true)).toList(),
        seats.seatsLeft(to));
  }

  /**
   * Refuses (422, naming the field) a learner and application that enrollment-service's events did
   * not announce together in the cohort's country: an application not heard of, one of another
   * learner, or one of another country, none of which enrollment would follow (it enrols an
   * application only for its own applicant, into an intake of its country).
   */
  private void knownPair(Cohort cohort, EnrolLearnersRequest.Entry entry, String prefix) {
    KnownApplication known =
        applications
            .findByIdOptional(entry.applicationId())
            .orElseThrow(
                () ->
                    unprocessable(
                        prefix + "applicationId",
                        "unprocessable.application-not-known",
                        entry.applicationId()));
    if (!known.learnerId.equals(entry.learnerId())) {
      throw unprocessable(
          prefix + "learnerId",
          "unprocessable.application-of-another-learner",
          entry.applicationId(),
          entry.learnerId());
    }
    if (!known.country.equals(cohort.country)) {
      throw unprocessable(
          prefix + "applicationId",
          "unprocessable.application-other-country",
          entry.applicationId(),
          cohort.country);
    }
  }

  private static ProblemException unprocessable(String field, String key, Object... arguments) {
    return new ProblemException(
        ProblemType.UNPROCESSABLE,
        List.of(new Problem.FieldError(field, Messages.format(null, key, arguments))),
        key,
        arguments);
  }

  /** Whether staff may seat learners in the cohort: until it completes or is cancelled. */
  private static boolean takesLearners(Cohort cohort) {
    return cohort.status == CohortStatus.PLANNED
        || cohort.status == CohortStatus.RECRUITING
        || cohort.status == CohortStatus.RUNNING;
  }

  /** Whether the caller reads staff's free text: staff do, integrations do not. */
  private static boolean staff(AccessScope scope) {
    return scope.isStaff();
  }
}
