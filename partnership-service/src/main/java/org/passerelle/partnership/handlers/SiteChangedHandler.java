package org.passerelle.partnership.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.partnership.service.SiteService;

/** A site changed, perhaps its time zone: the newest version is kept. */
@ApplicationScoped
public class SiteChangedHandler implements EventConsumer<SiteChanged> {

  private static final Logger LOG = Logger.getLogger(SiteChangedHandler.class);

  private final SiteService sites;

  SiteChangedHandler(SiteService sites) {
    this.sites = sites;
  }

  @Override
  public ConsumedEvent<SiteChanged> consumes() {
    return ConsumedEvents.SITE_CHANGED;
  }

  @Override
  public void handle(SiteChanged event, IncomingEvent envelope) {
    boolean kept =
        sites.announced(event.site(), event.country(), event.timeZone(), event.version());
    LOG.debugf(
        "%s %s: site %s %s",
        consumes().name(), envelope.id(), event.site(), kept ? "kept" : "unchanged");
  }
}
