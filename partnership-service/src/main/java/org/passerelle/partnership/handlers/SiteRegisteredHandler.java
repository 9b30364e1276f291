package org.passerelle.partnership.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.partnership.service.SiteService;

/** A site joined the network (or was announced once at start-up): its time zone is kept. */
@ApplicationScoped
public class SiteRegisteredHandler implements EventConsumer<SiteRegistered> {

  private static final Logger LOG = Logger.getLogger(SiteRegisteredHandler.class);

  private final SiteService sites;

  SiteRegisteredHandler(SiteService sites) {
    this.sites = sites;
  }

  @Override
  public ConsumedEvent<SiteRegistered> consumes() {
    return ConsumedEvents.SITE_REGISTERED;
  }

  @Override
  public void handle(SiteRegistered event, IncomingEvent envelope) {
    boolean kept =
        sites.announced(event.site(), event.country(), event.timeZone(), event.version());
    LOG.debugf(
        "%s %s: site %s %s",
        consumes().name(), envelope.id(), event.site(), kept ? "kept" : "unchanged");
  }
}
