package org.passerelle.enrollment.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.service.SeatOutcomeService;

/** cohort-service had no seat for an accepted application: it joins the waitlist. */
@ApplicationScoped
public class SeatUnavailableHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(SeatUnavailableHandler.class);

  private final SeatOutcomeService applications;

  SeatUnavailableHandler(SeatOutcomeService applications) {
    this.applications = applications;
  }

  @Override
  public String topic() {
    return "cohort.events";
  }

  @Override
  public String type() {
    return "org.passerelle.cohort.seat-unavailable.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    SeatEvent seat = SeatEvent.of(event.data());
    if (!applications.seatUnavailable(seat.applicationId())) {
      LOG.debugf(
          "seat-unavailable %s: application %s is not accepted, nothing to do",
          event.id(), seat.applicationId());
    }
  }
}
