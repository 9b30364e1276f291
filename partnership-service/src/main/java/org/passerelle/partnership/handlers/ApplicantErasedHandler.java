package org.passerelle.partnership.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.partnership.service.LearnerAccountService;
import org.passerelle.partnership.service.LoanService;

/**
 * A person was erased in enrollment-service: the loans that named them forget who had them, and no
 * account leads to them any more.
 */
@ApplicationScoped
public class ApplicantErasedHandler implements EventConsumer<ApplicantErased> {

  private static final Logger LOG = Logger.getLogger(ApplicantErasedHandler.class);

  private final LoanService loans;
  private final LearnerAccountService accounts;

  ApplicantErasedHandler(LoanService loans, LearnerAccountService accounts) {
    this.loans = loans;
    this.accounts = accounts;
  }

  @Override
  public ConsumedEvent<ApplicantErased> consumes() {
    return ConsumedEvents.APPLICANT_ERASED;
  }

  @Override
  public void handle(ApplicantErased event, IncomingEvent envelope) {
    int changed = loans.learnerErased(event.learnerId());
    long forgotten = accounts.erased(event.learnerId());
    LOG.debugf(
        "%s %s: %d loan(s) changed, %d account link(s) forgotten",
        consumes().name(), envelope.id(), changed, forgotten);
  }
}
