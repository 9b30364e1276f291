package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.passerelle.cohort.repository.CohortRepository;
import org.passerelle.cohort.repository.KnownApplicationRepository;
import org.passerelle.commons.time.Now;

/**
 * What enrollment-service's application events change here, in the transaction that records the
 * event: every application named is remembered with its learner, so that staff may later seat that
 * learner with it (and only that learner); a submitted one counts for its cohort; an accepted one
 * asks for a seat and a withdrawn one gives its seat back ({@link SeatService}).
 */
@ApplicationScoped
public class KnownApplicationService {

  private final KnownApplicationRepository known;
  private final CohortRepository cohorts;
  private final SeatService seats;
  private final Now now;

  KnownApplicationService(
      KnownApplicationRepository known, CohortRepository cohorts, SeatService seats, Now now) {
    this.known = known;
    this.cohorts = cohorts;
    this.seats = seats;
    this.now = now;
  }

  /**
   * Counts a submitted application for the cohort it names; returns whether it counted. Only an
   * application to the cohort's own site counts: an application naming another site's (or
   * country's) cohort must not move that cohort's figures.
   */
  @Transactional
  public boolean submitted(SeatService.Application application) {
    learn(application);
    return cohorts.update(
            "applicationsReceived = applicationsReceived + 1, version = version + 1"
                + " where id = ?1 and siteCode = ?2",
            application.cohortId(),
            application.site())
        > 0;
  }

  /** An accepted application asks its cohort for a seat. */
  @Transactional
  public void accepted(SeatService.Application application) {
    learn(application);
    seats.accept(application);
  }

  /** A withdrawn application gives its seat back, if the cohort allows. */
  @Transactional
  public void withdrawn(SeatService.Application application) {
    learn(application);
    seats.withdraw(application);
  }

  private void learn(SeatService.Application application) {
    known.learn(
        application.applicationId(),
        application.learnerId(),
        application.cohortId(),
        application.country(),
        now.timestamp());
  }
}
