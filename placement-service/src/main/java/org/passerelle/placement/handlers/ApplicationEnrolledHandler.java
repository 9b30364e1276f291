package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.LearnerService;

/**
 * A learner got their seat: where they train, what they consented to at enrolment, and the
 * categories they declared.
 */
@ApplicationScoped
public class ApplicationEnrolledHandler implements EventConsumer<ApplicationEnrolled> {

  private static final Logger LOG = Logger.getLogger(ApplicationEnrolledHandler.class);

  private final LearnerService learners;

  ApplicationEnrolledHandler(LearnerService learners) {
    this.learners = learners;
  }

  @Override
  public ConsumedEvent<ApplicationEnrolled> consumes() {
    return ConsumedEvents.APPLICATION_ENROLLED;
  }

  @Override
  public void handle(ApplicationEnrolled event, IncomingEvent envelope) {
    learners.applicationEnrolled(
        event.learnerId(),
        event.country(),
        event.cohortId(),
        event.site(),
        event.occurredAt(),
        event.consentedPurposes(),
        new LearnerService.Categories(
            event.gender(),
            event.ageBand(),
            event.educationLevel(),
            event.jobSeeker(),
            event.priorityPublics()));
    LOG.debugf("%s %s: learner %s", consumes().name(), envelope.id(), event.learnerId());
  }
}
