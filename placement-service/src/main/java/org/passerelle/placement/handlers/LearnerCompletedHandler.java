package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.LearnerService;

/** A learner completed the training: their exit, and the follow-ups at the country's offsets. */
@ApplicationScoped
public class LearnerCompletedHandler implements EventConsumer<LearnerCompleted> {

  private static final Logger LOG = Logger.getLogger(LearnerCompletedHandler.class);

  private final LearnerService learners;

  LearnerCompletedHandler(LearnerService learners) {
    this.learners = learners;
  }

  @Override
  public ConsumedEvent<LearnerCompleted> consumes() {
    return ConsumedEvents.LEARNER_COMPLETED;
  }

  @Override
  public void handle(LearnerCompleted event, IncomingEvent envelope) {
    int scheduled =
        learners.completed(
            event.learnerId(),
            event.country(),
            event.cohortId(),
            event.site(),
            event.programmeCode(),
            event.completedAt(),
            event.certification().outcome(),
            event.certification().blocks(),
            Attendance.of(event.attendance()));
    LOG.debugf("%s %s: %d follow-up(s) scheduled", consumes().name(), envelope.id(), scheduled);
  }
}
