package org.passerelle.cohort.events;

import org.passerelle.cohort.Site;

/**
 * Data of {@code site-changed.v1}: the whole site after a change of its name, city, region or time
 * zone, with the version it produced, so that copies keep only the newest.
 */
public record SiteChanged(
    String site,
    String name,
    String city,
    String region,
    String country,
    String timeZone,
    long version) {

  public static final String NAME = "site-changed";

  /** The site as flushed: its version is the one this change produced. */
  public static SiteChanged of(Site site) {
    return new SiteChanged(
        site.code, site.name, site.city, site.region, site.country, site.timeZone, site.version);
  }
}
