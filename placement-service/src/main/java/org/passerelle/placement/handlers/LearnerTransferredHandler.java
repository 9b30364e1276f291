package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.LearnerService;

/** A learner moved to another cohort: their site is that cohort's from the transfer on. */
@ApplicationScoped
public class LearnerTransferredHandler implements EventConsumer<LearnerTransferred> {

  private static final Logger LOG = Logger.getLogger(LearnerTransferredHandler.class);

  private final LearnerService learners;

  LearnerTransferredHandler(LearnerService learners) {
    this.learners = learners;
  }

  @Override
  public ConsumedEvent<LearnerTransferred> consumes() {
    return ConsumedEvents.LEARNER_TRANSFERRED;
  }

  @Override
  public void handle(LearnerTransferred event, IncomingEvent envelope) {
    learners.transferred(
        event.learnerId(),
        event.country(),
        event.toCohortId(),
        event.toSite(),
        event.programmeCode(),
        event.transferredAt());
    LOG.debugf("%s %s: learner %s", consumes().name(), envelope.id(), event.learnerId());
  }
}
