package org.passerelle.enrollment.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.service.ApplicationService;

/**
 * cohort-service confirmed a seat: the accepted application is enrolled, or the waitlisted one
 * staff seated directly.
 */
@ApplicationScoped
public class LearnerEnrolledHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(LearnerEnrolledHandler.class);

  private final ApplicationService applications;

  LearnerEnrolledHandler(ApplicationService applications) {
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
    if (!applications.seatConfirmed(seat.applicationId(), seat.cohortId())) {
      LOG.debugf(
          "learner-enrolled %s: application %s is neither accepted nor waitlisted, nothing to do",
          event.id(), seat.applicationId());
    }
  }
}
