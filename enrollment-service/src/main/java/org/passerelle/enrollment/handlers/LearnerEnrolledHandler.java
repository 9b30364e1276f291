package org.passerelle.enrollment.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.service.SeatOutcomeService;

/**
 * cohort-service confirmed a seat: the accepted application is enrolled, or the waitlisted one
 * staff seated directly; an enrolled one follows to the cohort it was moved to. Only when the
 * seat's learner is the application's applicant.
 */
@ApplicationScoped
public class LearnerEnrolledHandler implements EventConsumer<LearnerEnrolled> {

  private static final Logger LOG = Logger.getLogger(LearnerEnrolledHandler.class);

  private final SeatOutcomeService seats;

  LearnerEnrolledHandler(SeatOutcomeService seats) {
    this.seats = seats;
  }

  @Override
  public ConsumedEvent<LearnerEnrolled> consumes() {
    return ConsumedEvents.LEARNER_ENROLLED;
  }

  @Override
  public void handle(LearnerEnrolled seat, IncomingEvent event) {
    if (!seats.seatConfirmed(seat.applicationId(), seat.learnerId(), seat.cohortId())) {
      // Ids only: no personal data in the log.
      LOG.debugf(
          "learner-enrolled %s: application %s not enrolled by it (not accepted or waitlisted,"
              + " another learner's, or it cannot follow to cohort %s)",
          event.id(), seat.applicationId(), seat.cohortId());
    }
  }
}
