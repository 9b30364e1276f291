package org.passerelle.partnership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;
import org.passerelle.partnership.Site;
import org.passerelle.partnership.config.ConventionsConfig;
import org.passerelle.partnership.repository.SiteRepository;

/**
 * The sites' time zones, from cohort-service's announcements (the newest site version wins); a site
 * not announced yet follows its country's configured zone.
 */
@ApplicationScoped
public class SiteService {

  private static final Logger LOG = Logger.getLogger(SiteService.class);

  private final SiteRepository sites;
  private final ConventionsConfig config;

  SiteService(SiteRepository sites, ConventionsConfig config) {
    this.sites = sites;
    this.config = config;
  }

  /** Whether the announcement was newer than what is held, and so kept. */
  @Transactional
  public boolean announced(String code, String country, String timeZone, long version) {
    Site site = sites.findById(code, LockModeType.PESSIMISTIC_WRITE);
    if (site != null && site.version >= version) {
      return false;
    }
    boolean known = site != null;
    if (!known) {
      site = new Site();
      site.code = code;
    }
    site.country = country;
    site.timeZone = timeZone;
    site.version = version;
    if (!known) {
      sites.persist(site);
    }
    return true;
  }

  /** The site's zone, else its country's, else UTC. */
  @Transactional
  public ZoneId zoneOf(String code) {
    Site site = sites.findById(code);
    if (site != null) {
      try {
        return ZoneId.of(site.timeZone);
      } catch (DateTimeException e) {
        LOG.warnf("site %s announced an unknown time zone; its country's is used", code);
      }
    }
    ZoneId zone = config.timeZones().get(ConventionAccess.countryOf(code));
    return zone == null ? ZoneOffset.UTC : zone;
  }
}
