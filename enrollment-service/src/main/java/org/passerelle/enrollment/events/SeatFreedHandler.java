package org.passerelle.enrollment.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.service.WaitlistService;

/** A seat freed in a cohort before its start: the waitlist moves. */
@ApplicationScoped
public class SeatFreedHandler implements EventHandler {

  private final WaitlistService waitlist;

  SeatFreedHandler(WaitlistService waitlist) {
    this.waitlist = waitlist;
  }

  @Override
  public String topic() {
    return "cohort.events";
  }

  @Override
  public String type() {
    return "org.passerelle.cohort.seat-freed.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    waitlist.seatFreed(SeatEvent.of(event.data()).cohortId());
  }
}
