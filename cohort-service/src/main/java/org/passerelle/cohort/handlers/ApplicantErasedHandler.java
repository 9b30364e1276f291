package org.passerelle.cohort.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.cohort.service.ErasureService;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;

/**
 * enrollment-service erased the person behind a learnerId: every kind of free text staff wrote
 * about them here is blanked, in the transaction that records the event, so it happens once and
 * entirely or not at all. A redelivered or repeated event finds nothing left to blank.
 */
@ApplicationScoped
public class ApplicantErasedHandler implements EventConsumer<ApplicantErased> {

  private static final Logger LOG = Logger.getLogger(ApplicantErasedHandler.class);

  private final ErasureService erasure;

  ApplicantErasedHandler(ErasureService erasure) {
    this.erasure = erasure;
  }

  @Override
  public ConsumedEvent<ApplicantErased> consumes() {
    return ConsumedEvents.APPLICANT_ERASED;
  }

  @Override
  public void handle(ApplicantErased event, IncomingEvent envelope) {
    int changed = erasure.erase(event.learnerId());
    // The learnerId is a pseudonym; no text is logged.
    LOG.debugf("applicant-erased %s: %d records blanked", envelope.id(), changed);
  }
}
