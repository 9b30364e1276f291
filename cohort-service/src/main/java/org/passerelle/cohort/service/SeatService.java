package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.LearnerEnrolled;
import org.passerelle.cohort.events.SeatFreed;
import org.passerelle.cohort.events.SeatUnavailable;
import org.passerelle.cohort.repository.CohortLearnerRepository;
import org.passerelle.cohort.repository.CohortRepository;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.time.Now;

/**
 * Gives and takes back a cohort's seats as enrollment-service accepts and withdraws applications.
 * Every decision is taken with the cohort row locked, so acceptances handled at the same time (by
 * several partitions or instances) see each other's seats and a cohort never goes over capacity.
 * The answers are events keyed by the cohort, so one cohort's seat events stay in order.
 */
@ApplicationScoped
public class SeatService {

  private static final Logger LOG = Logger.getLogger(SeatService.class);

  private final CohortRepository cohorts;
  private final CohortLearnerRepository learners;
  private final Outbox outbox;
  private final Now now;

  SeatService(CohortRepository cohorts, CohortLearnerRepository learners, Outbox outbox, Now now) {
    this.cohorts = cohorts;
    this.learners = learners;
    this.outbox = outbox;
    this.now = now;
  }

  /** An application as enrollment-service's events name it. */
  public record Application(
      UUID applicationId, UUID learnerId, UUID cohortId, String site, String country) {}

  /**
   * An accepted application asks for a seat: learner-enrolled when it gets one (or already had
   * one), seat-unavailable otherwise. An application that already holds a seat in another cohort
   * (staff seated it there, or moved it, before enrollment heard of it) is not seated twice: the
   * answer is learner-enrolled for the seat it holds, keyed by that cohort, which enrollment
   * follows.
   */
  @Transactional
  public void accept(Application application) {
    Optional<UUID> elsewhere =
        learners
            .cohortSeating(application.applicationId())
            .filter(cohortId -> !cohortId.equals(application.cohortId()));
    if (elsewhere.isPresent()) {
      // Both cohorts locked in id order (as transfers do), then the seat read again under them.
      List<Optional<Cohort>> locked = lockBoth(application.cohortId(), elsewhere.get());
      Optional<Cohort> holding = locked.get(1);
      Optional<CohortLearner> seat =
          holding.flatMap(cohort -> learners.seatOf(cohort.id, application.applicationId()));
      if (seat.isPresent()) {
        enrolled(holding.get(), seat.get());
        return;
      }
    }
    // Only the cohort at the application's own site: an application naming another site's cohort
    // must not take its seats.
    Optional<Cohort> found =
        lock(application.cohortId()).filter(cohort -> cohort.siteCode.equals(application.site()));
    if (found.isEmpty()) {
      LOG.debugf(
          "application %s accepted for no cohort %s at %s",
          application.applicationId(), application.cohortId(), application.site());
      unavailable(
          application,
          null,
          application.site(),
          application.country(),
          SeatUnavailable.Reason.UNKNOWN_COHORT);
      return;
    }
    Cohort cohort = found.get();
    Optional<CohortLearner> existing = learners.findInCohort(cohort.id, application.learnerId());
    if (existing.isPresent() && existing.get().status.holdsSeat()) {
      // Accepted again (a re-sent or repeated decision): the same seat, stated again.
      enrolled(cohort, existing.get());
      return;
    }
    if (!notStarted(cohort)) {
      unavailable(
          application,
          cohort.programmeCode,
          cohort.siteCode,
          cohort.country,
          SeatUnavailable.Reason.COHORT_NOT_RECRUITING);
      return;
    }
    if (learners.seatsTaken(cohort.id) >= cohort.capacity) {
      unavailable(
          application,
          cohort.programmeCode,
          cohort.siteCode,
          cohort.country,
          SeatUnavailable.Reason.FULL);
      return;
    }
    CohortLearner seat =
        seat(
            cohort,
            existing,
            application.learnerId(),
            application.applicationId(),
            now.timestamp());
    learners.flush();
    enrolled(cohort, seat);
  }

  /**
   * A withdrawn application gives its seat back while the cohort has not started: seat-freed with
   * the seats left. The seat is looked for by application in whichever cohort holds it, not only in
   * the cohort the event names: enrollment's intake follows a transfer only once it has heard of
   * it. Anything else (no such seat, another learner's seat, a cohort under way) changes nothing.
   */
  @Transactional
  public void withdraw(Application application) {
    Optional<UUID> holding = learners.cohortSeating(application.applicationId());
    if (holding.isEmpty()) {
      return;
    }
    Optional<Cohort> found = lock(holding.get());
    if (found.isEmpty()) {
      return;
    }
    Cohort cohort = found.get();
    if (!notStarted(cohort)) {
      return;
    }
    // Read again under the lock: the seat may have moved or gone meanwhile.
    Optional<CohortLearner> seat =
        learners
            .seatOf(cohort.id, application.applicationId())
            .filter(held -> held.status == LearnerStatus.ENROLLED)
            .filter(held -> held.learnerId.equals(application.learnerId()));
    if (seat.isEmpty()) {
      return;
    }
    CohortLearner freed = seat.get();
    freed.moveTo(LearnerStatus.WITHDRAWN);
    freed.withdrawnAt = now.timestamp();
    learners.flush();
    freed(cohort, freed, freed.withdrawnAt);
  }

  /**
   * Locks the cohort row: every decision about its seats is taken under this lock, so that two of
   * them never both see the last seat free. Absent when there is no such cohort.
   */
  Optional<Cohort> lock(UUID cohortId) {
    return cohorts.locked(cohortId);
  }

  /**
   * Locks two cohorts in id order, whichever is named first: two transfers in opposite directions
   * then take the locks in the same order and cannot deadlock. Returns them as named (absent ones
   * empty).
   */
  List<Optional<Cohort>> lockBoth(UUID first, UUID second) {
    if (first.compareTo(second) <= 0) {
      Optional<Cohort> a = lock(first);
      return List.of(a, lock(second));
    }
    Optional<Cohort> b = lock(second);
    return List.of(lock(first), b);
  }

  /** The free seats of a cohort locked by the caller. */
  long seatsLeft(Cohort cohort) {
    return Math.max(0, cohort.capacity - learners.seatsTaken(cohort.id));
  }

  /** Whether the cohort has not started, so a seat given back can go to someone else. */
  static boolean notStarted(Cohort cohort) {
    return cohort.status == CohortStatus.PLANNED || cohort.status == CohortStatus.RECRUITING;
  }

  /**
   * Seats the learner in the locked cohort, whose capacity the caller checked: a new row, or the
   * learner's earlier row (withdrawn or transferred away) taken up again, its exit or transfer
   * cleared. Enrolled, or active straight away when the cohort already runs, at {@code seatedAt}.
   * Not flushed.
   */
  CohortLearner seat(
      Cohort cohort,
      Optional<CohortLearner> existing,
      UUID learnerId,
      UUID applicationId,
      OffsetDateTime seatedAt) {
    CohortLearner seat;
    if (existing.isPresent()) {
      seat = existing.get();
      if (seat.status == LearnerStatus.WITHDRAWN) {
        seat.moveTo(LearnerStatus.ENROLLED);
      }
      seat.withdrawnAt = null;
      seat.exitReason = null;
      seat.exitComment = null;
      seat.transferredTo = null;
      seat.transferredAt = null;
      seat.activatedAt = null;
    } else {
      seat = new CohortLearner();
      seat.id = UUID.randomUUID();
      seat.cohortId = cohort.id;
      seat.learnerId = learnerId;
    }
    LearnerStatus target =
        cohort.status == CohortStatus.RUNNING ? LearnerStatus.ACTIVE : LearnerStatus.ENROLLED;
    if (seat.status == null) {
      seat.status = target;
    } else if (seat.status != target) {
      seat.moveTo(target);
    }
    if (target == LearnerStatus.ACTIVE) {
      seat.activatedAt = seatedAt;
    }
    seat.applicationId = applicationId;
    seat.enrolledAt = seatedAt;
    if (existing.isEmpty()) {
      learners.persist(seat);
    }
    return seat;
  }

  /** learner-enrolled for a seat given (or stated again). */
  void enrolled(Cohort cohort, CohortLearner seat) {
    outbox.publish(
        DomainEvent.v1(
            LearnerEnrolled.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            LearnerEnrolled.of(cohort, seat)));
  }

  /**
   * seat-freed for a seat given back in a cohort that has not started, with the free seats counted
   * after the caller's changes (flushed).
   */
  void freed(Cohort cohort, CohortLearner seat, OffsetDateTime freedAt) {
    outbox.publish(
        DomainEvent.v1(
            SeatFreed.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            SeatFreed.of(cohort, seat, freedAt, seatsLeft(cohort))));
  }

  private void unavailable(
      Application application,
      String programmeCode,
      String site,
      String country,
      SeatUnavailable.Reason reason) {
    outbox.publish(
        DomainEvent.v1(
            SeatUnavailable.NAME,
            application.cohortId(),
            country,
            site,
            new SeatUnavailable(
                application.cohortId(),
                application.learnerId(),
                application.applicationId(),
                programmeCode,
                site,
                country,
                reason)));
  }
}
