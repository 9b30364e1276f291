package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.KnownPartnerService;

/** Follows a partner's status, so that an inactive partner is no longer named on new job offers. */
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
    if (!partners.changed(event.partnerId(), event.country(), event.status(), event.version())) {
      LOG.debugf(
          "partner-changed %s: partner %s already at version %d or newer",
          envelope.id(), event.partnerId(), event.version());
    }
  }
}
