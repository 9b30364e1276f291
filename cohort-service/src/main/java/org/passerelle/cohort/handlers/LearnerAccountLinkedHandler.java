package org.passerelle.cohort.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.cohort.service.LearnerAccountService;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;

/** A learner's account now leads to their learnerId: they may read their own enrolments. */
@ApplicationScoped
public class LearnerAccountLinkedHandler implements EventConsumer<LearnerAccountLinked> {

  private static final Logger LOG = Logger.getLogger(LearnerAccountLinkedHandler.class);

  private final LearnerAccountService accounts;

  LearnerAccountLinkedHandler(LearnerAccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  public ConsumedEvent<LearnerAccountLinked> consumes() {
    return ConsumedEvents.LEARNER_ACCOUNT_LINKED;
  }

  @Override
  public void handle(LearnerAccountLinked event, IncomingEvent envelope) {
    boolean changed =
        accounts.linked(
            event.accountSubject(), event.learnerId(), event.country(), event.linkedAt());
    LOG.debugf("%s %s: link %s", consumes().name(), envelope.id(), changed ? "kept" : "unchanged");
  }
}
