package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.Site;

@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<Site, String> {

  /**
   * The time zone of the cohort's site, whose days the cohort's dates are ("today" for a start, a
   * session day, a jury's date). The site exists: cohorts reference it.
   */
  public ZoneId zoneOf(Cohort cohort) {
    return ZoneId.of(findById(cohort.siteCode).timeZone);
  }
}
