package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.KnownApplicationService;

/** Someone applied to a cohort: one more application in the indicators' funnel. */
@ApplicationScoped
public class ApplicationSubmittedHandler implements EventConsumer<ApplicationSubmitted> {

  private static final Logger LOG = Logger.getLogger(ApplicationSubmittedHandler.class);

  private final KnownApplicationService applications;

  ApplicationSubmittedHandler(KnownApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public ConsumedEvent<ApplicationSubmitted> consumes() {
    return ConsumedEvents.APPLICATION_SUBMITTED;
  }

  @Override
  public void handle(ApplicationSubmitted event, IncomingEvent envelope) {
    applications.submitted(
        event.applicationId(),
        event.cohortId(),
        event.country(),
        event.site(),
        event.submittedAt());
    LOG.debugf("%s %s: application %s", consumes().name(), envelope.id(), event.applicationId());
  }
}
