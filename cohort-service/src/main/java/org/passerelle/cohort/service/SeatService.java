package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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

  SeatService(CohortRepository cohorts, CohortLearnerRepository learners, Outbox outbox) {
    this.cohorts = cohorts;
    this.learners = learners;
    this.outbox = outbox;
  }

  /** An application as enrollment-service's events name it. */
  public record Application(
      UUID applicationId, UUID learnerId, UUID cohortId, String site, String country) {}

  /**
   * An accepted application asks for a seat: learner-enrolled when it gets one (or already had
   * one), seat-unavailable otherwise.
   */
  @Transactional
  public void accept(Application application) {
    // Only the cohort at the application's own site: an application naming another site's cohort
    // must not take its seats.
    Optional<Cohort> found =
        cohorts
            .findByIdOptional(application.cohortId(), LockModeType.PESSIMISTIC_WRITE)
            .filter(cohort -> cohort.siteCode.equals(application.site()));
    if (found.isEmpty()) {
      LOG.debugf(
          "application %s accepted for no cohort %s at %s",
          application.applicationId(), application.cohortId(), application.site());
      unavailable(
          application,
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
    if (cohort.status != CohortStatus.PLANNED && cohort.status != CohortStatus.RECRUITING) {
      unavailable(
          application,
          cohort.siteCode,
          cohort.country,
          SeatUnavailable.Reason.COHORT_NOT_RECRUITING);
      return;
    }
    if (learners.seatsTaken(cohort.id) >= cohort.capacity) {
      unavailable(application, cohort.siteCode, cohort.country, SeatUnavailable.Reason.FULL);
      return;
    }
    OffsetDateTime now = now();
    CohortLearner seat;
    if (existing.isPresent()) {
      // Withdrew earlier, accepted again before the start: the same row holds the seat again.
      seat = existing.get();
      seat.moveTo(LearnerStatus.ENROLLED);
      seat.withdrawnAt = null;
    } else {
      seat = new CohortLearner();
      seat.id = UUID.randomUUID();
      seat.cohortId = cohort.id;
      seat.learnerId = application.learnerId();
      seat.status = LearnerStatus.ENROLLED;
    }
    seat.applicationId = application.applicationId();
    seat.enrolledAt = now;
    if (existing.isEmpty()) {
      learners.persist(seat);
    }
    learners.flush();
    enrolled(cohort, seat);
  }

  /**
   * A withdrawn application gives its seat back while the cohort has not started: seat-freed with
   * the seats left. Anything else (no such seat, another application's seat, a cohort under way)
   * changes nothing.
   */
  @Transactional
  public void withdraw(Application application) {
    Optional<Cohort> found =
        cohorts.findByIdOptional(application.cohortId(), LockModeType.PESSIMISTIC_WRITE);
    if (found.isEmpty()) {
      return;
    }
    Cohort cohort = found.get();
    if (cohort.status != CohortStatus.PLANNED && cohort.status != CohortStatus.RECRUITING) {
      return;
    }
    Optional<CohortLearner> seat =
        learners
            .findInCohort(cohort.id, application.learnerId())
            .filter(held -> held.status == LearnerStatus.ENROLLED)
            .filter(held -> held.applicationId.equals(application.applicationId()));
    if (seat.isEmpty()) {
      return;
    }
    CohortLearner freed = seat.get();
    freed.moveTo(LearnerStatus.WITHDRAWN);
    freed.withdrawnAt = now();
    learners.flush();
    long seatsLeft = Math.max(0, cohort.capacity - learners.seatsTaken(cohort.id));
    outbox.publish(
        DomainEvent.v1(
            SeatFreed.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            SeatFreed.of(cohort, freed, seatsLeft)));
  }

  private void enrolled(Cohort cohort, CohortLearner seat) {
    outbox.publish(
        DomainEvent.v1(
            LearnerEnrolled.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            LearnerEnrolled.of(cohort, seat)));
  }

  private void unavailable(
      Application application, String site, String country, SeatUnavailable.Reason reason) {
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
                site,
                country,
                reason)));
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
