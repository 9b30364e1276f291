package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.LearnerService;

/**
 * A learner's own account now speaks for them: they read and answer their own placements and
 * follow-ups.
 */
@ApplicationScoped
public class LearnerAccountLinkedHandler implements EventConsumer<LearnerAccountLinked> {

  private static final Logger LOG = Logger.getLogger(LearnerAccountLinkedHandler.class);

  private final LearnerService learners;

  LearnerAccountLinkedHandler(LearnerService learners) {
    this.learners = learners;
  }

  @Override
  public ConsumedEvent<LearnerAccountLinked> consumes() {
    return ConsumedEvents.LEARNER_ACCOUNT_LINKED;
  }

  @Override
  public void handle(LearnerAccountLinked event, IncomingEvent envelope) {
    if (!learners.accountLinked(
        event.learnerId(), event.country(), event.accountSubject(), event.linkedAt())) {
      LOG.debugf("%s %s: nothing to change", consumes().name(), envelope.id());
    }
  }
}
