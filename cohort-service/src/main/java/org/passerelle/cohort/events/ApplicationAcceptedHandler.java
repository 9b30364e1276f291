package org.passerelle.cohort.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.cohort.repository.KnownApplicationRepository;
import org.passerelle.cohort.service.SeatService;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;

/** An application accepted by enrollment-service asks its cohort for a seat. */
@ApplicationScoped
public class ApplicationAcceptedHandler implements EventHandler {

  private final SeatService seats;
  private final KnownApplicationRepository known;

  ApplicationAcceptedHandler(SeatService seats, KnownApplicationRepository known) {
    this.seats = seats;
    this.known = known;
  }

  @Override
  public String topic() {
    return ApplicationEvents.TOPIC;
  }

  @Override
  public String type() {
    return "org.passerelle.enrollment.application-accepted.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    seats.accept(ApplicationEvents.learn(event.data(), known));
  }
}
