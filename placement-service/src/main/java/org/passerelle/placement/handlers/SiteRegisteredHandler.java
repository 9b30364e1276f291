package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.KnownSite;
import org.passerelle.placement.repository.KnownSiteRepository;

/**
 * Learns a site cohort-service announced, so that job offers may target it. Only the code and the
 * country are kept, and they never change, so site-changed has nothing to tell this service.
 */
@ApplicationScoped
public class SiteRegisteredHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(SiteRegisteredHandler.class);

  private final KnownSiteRepository sites;

  SiteRegisteredHandler(KnownSiteRepository sites) {
    this.sites = sites;
  }

  @Override
  public String topic() {
    return "cohort.events";
  }

  @Override
  public String type() {
    return "org.passerelle.cohort.site-registered.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    String code = EventData.required(event.data(), "site", "site-registered");
    String country = EventData.required(event.data(), "country", "site-registered");
    if (sites.findByIdOptional(code).isPresent()) {
      LOG.debugf("site-registered %s: site %s already known", event.id(), code);
      return;
    }
    KnownSite site = new KnownSite();
    site.code = code;
    site.country = country;
    site.learnedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    sites.persist(site);
  }
}
