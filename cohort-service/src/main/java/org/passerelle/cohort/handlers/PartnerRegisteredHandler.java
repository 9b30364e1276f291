package org.passerelle.cohort.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.cohort.service.KnownPartnerService;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;

/** Learns a partner partnership-service registered, so that cohorts may name it as a funder. */
@ApplicationScoped
public class PartnerRegisteredHandler implements EventConsumer<PartnerRegistered> {

  private static final Logger LOG = Logger.getLogger(PartnerRegisteredHandler.class);

  private final KnownPartnerService partners;

  PartnerRegisteredHandler(KnownPartnerService partners) {
    this.partners = partners;
  }

  @Override
  public ConsumedEvent<PartnerRegistered> consumes() {
    return ConsumedEvents.PARTNER_REGISTERED;
  }

  @Override
  public void handle(PartnerRegistered event, IncomingEvent envelope) {
    if (!partners.learn(event.partnerId(), event.country(), event.name())) {
      LOG.debugf(
          "partner-registered %s: partner %s already known", envelope.id(), event.partnerId());
    }
  }
}
