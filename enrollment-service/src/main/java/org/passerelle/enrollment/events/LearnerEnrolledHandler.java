package org.passerelle.enrollment.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.service.SeatOutcomeService;

/**
 * cohort-service confirmed a seat: the accepted application is enrolled, or the waitlisted one
 * staff seated directly; an enrolled one follows to the cohort it was moved to. Only when the
 * seat's learner is the application's applicant.
 */
@ApplicationScoped
public class LearnerEnrolledHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(LearnerEnrolledHandler.class);

  private final SeatOutcomeService applications;

  LearnerEnrolledHandler(SeatOutcomeService applications) {
    this.applications = applications;
  }

  @Override
  public String topic() {
    return "cohort.events";
  }

  @Override
  public String type() {
    return "org.passerelle.cohort.learner-enrolled.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    SeatEvent seat = SeatEvent.of(event.data());
    if (!applications.seatConfirmed(seat.applicationId(), seat.learnerId(), seat.cohortId())) {
      // Ids only: no personal data in the log.
      LOG.debugf(
          "learner-enrolled %s: application %s not enrolled by it (not accepted or waitlisted,"
              + " another learner's, or it cannot follow to cohort %s)",
          event.id(), seat.applicationId(), seat.cohortId());
    }
  }
}
