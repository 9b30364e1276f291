package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.LearnerService;

/**
 * A learner's consents changed: follow-ups are scheduled only with their consent to be contacted.
 */
@ApplicationScoped
public class ConsentChangedHandler implements EventConsumer<ConsentChanged> {

  private static final Logger LOG = Logger.getLogger(ConsentChangedHandler.class);

  private final LearnerService learners;

  ConsentChangedHandler(LearnerService learners) {
    this.learners = learners;
  }

  @Override
  public ConsumedEvent<ConsentChanged> consumes() {
    return ConsumedEvents.CONSENT_CHANGED;
  }

  @Override
  public void handle(ConsentChanged event, IncomingEvent envelope) {
    if (!learners.consentChanged(
        event.learnerId(), event.country(), event.consentedPurposes(), event.occurredAt())) {
      LOG.debugf("%s %s: older than the consents held", consumes().name(), envelope.id());
    }
  }
}
