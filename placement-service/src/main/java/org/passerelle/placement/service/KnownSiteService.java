package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.passerelle.commons.time.Now;
import org.passerelle.placement.KnownSite;
import org.passerelle.placement.repository.KnownSiteRepository;

/**
 * The sites job offers may target, as cohort-service announced them (ADR 0015): this service's
 * copy, written only from cohort-service's events.
 */
@ApplicationScoped
public class KnownSiteService {

  private final KnownSiteRepository sites;
  private final Now now;

  KnownSiteService(KnownSiteRepository sites, Now now) {
    this.sites = sites;
    this.now = now;
  }

  /**
   * Keeps a site cohort-service registered; false when it was known already. Its code and country
   * never change, so a copy already here is this site announced again.
   */
  @Transactional
  public boolean learn(String code, String country) {
    if (sites.findByIdOptional(code).isPresent()) {
      return false;
    }
    KnownSite site = new KnownSite();
    site.code = code;
    site.country = country;
    site.learnedAt = now.timestamp();
    sites.persist(site);
    return true;
  }
}
