package org.passerelle.cohort.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.cohort.service.KnownApplicationService;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;

/** An application accepted by enrollment-service asks its cohort for a seat. */
@ApplicationScoped
public class ApplicationAcceptedHandler implements EventConsumer<ApplicationEvent> {

  private final KnownApplicationService applications;

  ApplicationAcceptedHandler(KnownApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public ConsumedEvent<ApplicationEvent> consumes() {
    return ConsumedEvents.APPLICATION_ACCEPTED;
  }

  @Override
  public void handle(ApplicationEvent event, IncomingEvent envelope) {
    applications.accepted(event.application());
  }
}
