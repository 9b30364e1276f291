package org.passerelle.cohort.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.cohort.repository.KnownApplicationRepository;
import org.passerelle.cohort.service.SeatService;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;

/** An application withdrawn in enrollment-service gives its seat back, if the cohort allows. */
@ApplicationScoped
public class ApplicationWithdrawnHandler implements EventHandler {

  private final SeatService seats;
  private final KnownApplicationRepository known;

  ApplicationWithdrawnHandler(SeatService seats, KnownApplicationRepository known) {
    this.seats = seats;
    this.known = known;
  }

  @Override
  public String topic() {
    return ApplicationEvents.TOPIC;
  }

  @Override
  public String type() {
    return "org.passerelle.enrollment.application-withdrawn.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    seats.withdraw(ApplicationEvents.learn(event.data(), known));
  }
}
