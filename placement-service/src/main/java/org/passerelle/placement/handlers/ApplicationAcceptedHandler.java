package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.KnownApplicationService;

/** Selection accepted an application: the funnel's accepted step. */
@ApplicationScoped
public class ApplicationAcceptedHandler implements EventConsumer<ApplicationAccepted> {

  private static final Logger LOG = Logger.getLogger(ApplicationAcceptedHandler.class);

  private final KnownApplicationService applications;

  ApplicationAcceptedHandler(KnownApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public ConsumedEvent<ApplicationAccepted> consumes() {
    return ConsumedEvents.APPLICATION_ACCEPTED;
  }

  @Override
  public void handle(ApplicationAccepted event, IncomingEvent envelope) {
    applications.accepted(
        event.applicationId(), event.cohortId(), event.country(), event.site(), event.occurredAt());
    LOG.debugf("%s %s: application %s", consumes().name(), envelope.id(), event.applicationId());
  }
}
