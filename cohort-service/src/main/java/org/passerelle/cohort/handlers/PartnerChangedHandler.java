package org.passerelle.cohort.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.cohort.service.KnownPartnerService;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;

/** Follows a partner's name and status, so that an inactive partner is no new cohort's funder. */
@ApplicationScoped
public class PartnerChangedHandler implements EventConsumer<PartnerChanged> {

  private static final Logger LOG = Logger.getLogger(PartnerChangedHandler.class);

  private final KnownPartnerService partners;

  PartnerChangedHandler(KnownPartnerService partners) {
    this.partners = partners;
  }

  @Override
  public ConsumedEvent<PartnerChanged> consumes() {
    return ConsumedEvents.PARTNER_CHANGED;
  }

  @Override
  public void handle(PartnerChanged event, IncomingEvent envelope) {
    if (!partners.changed(
        event.partnerId(), event.country(), event.name(), event.status(), event.version())) {
      LOG.debugf(
          "partner-changed %s: partner %s already at version %d or newer",
          envelope.id(), event.partnerId(), event.version());
    }
  }
}
