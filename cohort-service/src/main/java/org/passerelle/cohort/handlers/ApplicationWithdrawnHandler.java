package org.passerelle.cohort.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.cohort.service.KnownApplicationService;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;

/** An application withdrawn in enrollment-service gives its seat back, if the cohort allows. */
@ApplicationScoped
public class ApplicationWithdrawnHandler implements EventConsumer<ApplicationEvent> {

  private final KnownApplicationService applications;

  ApplicationWithdrawnHandler(KnownApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public ConsumedEvent<ApplicationEvent> consumes() {
    return ConsumedEvents.APPLICATION_WITHDRAWN;
  }

  @Override
  public void handle(ApplicationEvent event, IncomingEvent envelope) {
    applications.withdrawn(event.application());
  }
}
