package org.passerelle.enrollment.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.service.WaitlistService;

/** A seat freed in a cohort before its start: the waitlist moves. */
@ApplicationScoped
public class SeatFreedHandler implements EventConsumer<SeatFreed> {

  private final WaitlistService waitlist;

  SeatFreedHandler(WaitlistService waitlist) {
    this.waitlist = waitlist;
  }

  @Override
  public ConsumedEvent<SeatFreed> consumes() {
    return ConsumedEvents.SEAT_FREED;
  }

  @Override
  public void handle(SeatFreed seat, IncomingEvent event) {
    waitlist.seatFreed(seat.cohortId());
  }
}
