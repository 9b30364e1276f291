package org.passerelle.cohort.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.cohort.service.KnownApplicationService;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;

/**
 * Counts the applications each cohort received (enrollment-service's application-submitted), and
 * remembers each application with its learner, whom staff may then seat with it.
 */
@ApplicationScoped
public class ApplicationSubmittedHandler implements EventConsumer<ApplicationEvent> {

  private static final Logger LOG = Logger.getLogger(ApplicationSubmittedHandler.class);

  private final KnownApplicationService applications;

  ApplicationSubmittedHandler(KnownApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public ConsumedEvent<ApplicationEvent> consumes() {
    return ConsumedEvents.APPLICATION_SUBMITTED;
  }

  @Override
  public void handle(ApplicationEvent event, IncomingEvent envelope) {
    if (!applications.submitted(event.application())) {
      LOG.debugf(
          "application-submitted %s names no cohort %s at %s",
          envelope.id(), event.cohortId(), event.site());
    }
  }
}
