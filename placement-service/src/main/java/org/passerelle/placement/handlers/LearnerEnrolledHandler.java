package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.LearnerService;

/** A learner got a seat in a cohort: their site and programme. */
@ApplicationScoped
public class LearnerEnrolledHandler implements EventConsumer<LearnerEnrolled> {

  private static final Logger LOG = Logger.getLogger(LearnerEnrolledHandler.class);

  private final LearnerService learners;

  LearnerEnrolledHandler(LearnerService learners) {
    this.learners = learners;
  }

  @Override
  public ConsumedEvent<LearnerEnrolled> consumes() {
    return ConsumedEvents.LEARNER_ENROLLED;
  }

  @Override
  public void handle(LearnerEnrolled event, IncomingEvent envelope) {
    learners.enrolled(
        event.learnerId(),
        event.country(),
        event.cohortId(),
        event.site(),
        event.programmeCode(),
        event.enrolledAt());
    LOG.debugf("%s %s: learner %s", consumes().name(), envelope.id(), event.learnerId());
  }
}
