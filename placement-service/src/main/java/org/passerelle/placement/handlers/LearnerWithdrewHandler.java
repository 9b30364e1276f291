package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.LearnerService;

/**
 * A learner left the training: their exit, the follow-ups, and a placement to confirm when they
 * left for a job.
 */
@ApplicationScoped
public class LearnerWithdrewHandler implements EventConsumer<LearnerWithdrew> {

  private static final Logger LOG = Logger.getLogger(LearnerWithdrewHandler.class);

  private final LearnerService learners;

  LearnerWithdrewHandler(LearnerService learners) {
    this.learners = learners;
  }

  @Override
  public ConsumedEvent<LearnerWithdrew> consumes() {
    return ConsumedEvents.LEARNER_WITHDREW;
  }

  @Override
  public void handle(LearnerWithdrew event, IncomingEvent envelope) {
    int scheduled =
        learners.withdrew(
            event.learnerId(),
            event.country(),
            event.cohortId(),
            event.site(),
            event.programmeCode(),
            event.withdrawnAt(),
            event.exitReason(),
            event.beforeStart(),
            Attendance.of(event.attendance()));
    LOG.debugf("%s %s: %d follow-up(s) scheduled", consumes().name(), envelope.id(), scheduled);
  }
}
