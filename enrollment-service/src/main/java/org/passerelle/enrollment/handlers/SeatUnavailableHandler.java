package org.passerelle.enrollment.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.service.SeatOutcomeService;

/** cohort-service had no seat for an accepted application: it joins the waitlist. */
@ApplicationScoped
public class SeatUnavailableHandler implements EventConsumer<SeatUnavailable> {

  private static final Logger LOG = Logger.getLogger(SeatUnavailableHandler.class);

  private final SeatOutcomeService seats;

  SeatUnavailableHandler(SeatOutcomeService seats) {
    this.seats = seats;
  }

  @Override
  public ConsumedEvent<SeatUnavailable> consumes() {
    return ConsumedEvents.SEAT_UNAVAILABLE;
  }

  @Override
  public void handle(SeatUnavailable seat, IncomingEvent event) {
    if (!seats.seatUnavailable(seat.applicationId())) {
      LOG.debugf(
          "seat-unavailable %s: application %s is not accepted, nothing to do",
          event.id(), seat.applicationId());
    }
  }
}
