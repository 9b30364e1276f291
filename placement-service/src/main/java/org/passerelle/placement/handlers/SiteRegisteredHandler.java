package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.KnownSiteService;

/**
 * Learns a site cohort-service announced, so that job offers may target it. Only the code and the
 * country are kept, and they never change, so site-changed has nothing to tell this service.
 */
@ApplicationScoped
public class SiteRegisteredHandler implements EventConsumer<SiteRegistered> {

  private static final Logger LOG = Logger.getLogger(SiteRegisteredHandler.class);

  private final KnownSiteService sites;

  SiteRegisteredHandler(KnownSiteService sites) {
    this.sites = sites;
  }

  @Override
  public ConsumedEvent<SiteRegistered> consumes() {
    return ConsumedEvents.SITE_REGISTERED;
  }

  @Override
  public void handle(SiteRegistered event, IncomingEvent envelope) {
    if (!sites.learn(event.site(), event.country())) {
      LOG.debugf("site-registered %s: site %s already known", envelope.id(), event.site());
    }
  }
}
