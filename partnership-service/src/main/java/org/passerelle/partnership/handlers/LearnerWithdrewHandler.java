package org.passerelle.partnership.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.partnership.service.LoanService;

/** A learner left the school: the computer lent to them is to be recalled. */
@ApplicationScoped
public class LearnerWithdrewHandler implements EventConsumer<LearnerWithdrew> {

  private static final Logger LOG = Logger.getLogger(LearnerWithdrewHandler.class);

  private final LoanService loans;

  LearnerWithdrewHandler(LoanService loans) {
    this.loans = loans;
  }

  @Override
  public ConsumedEvent<LearnerWithdrew> consumes() {
    return ConsumedEvents.LEARNER_WITHDREW;
  }

  @Override
  public void handle(LearnerWithdrew event, IncomingEvent envelope) {
    int changed = loans.learnerWithdrew(event.learnerId());
    LOG.debugf("%s %s: %d loan(s) changed", consumes().name(), envelope.id(), changed);
  }
}
