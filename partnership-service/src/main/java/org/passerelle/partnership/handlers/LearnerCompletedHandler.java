package org.passerelle.partnership.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.partnership.service.LoanService;

/**
 * A learner completed the training: the computer lent to them is recalled or given, as the lending
 * site decided.
 */
@ApplicationScoped
public class LearnerCompletedHandler implements EventConsumer<LearnerCompleted> {

  private static final Logger LOG = Logger.getLogger(LearnerCompletedHandler.class);

  private final LoanService loans;

  LearnerCompletedHandler(LoanService loans) {
    this.loans = loans;
  }

  @Override
  public ConsumedEvent<LearnerCompleted> consumes() {
    return ConsumedEvents.LEARNER_COMPLETED;
  }

  @Override
  public void handle(LearnerCompleted event, IncomingEvent envelope) {
    int changed = loans.learnerCompleted(event.learnerId());
    LOG.debugf("%s %s: %d loan(s) changed", consumes().name(), envelope.id(), changed);
  }
}
