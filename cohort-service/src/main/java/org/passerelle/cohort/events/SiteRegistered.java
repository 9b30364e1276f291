package org.passerelle.cohort.events;

import org.passerelle.cohort.Site;

/**
 * Data of {@code site-registered.v1}: a site joined the network. Other services keep the sites they
 * need from it (placement checks the sites job offers target); the code and the country never
 * change.
 */
public record SiteRegistered(
    String site,
    String name,
    String city,
    String region,
    String country,
    String timeZone,
    long version) {

  public static final String NAME = "site-registered";

  public static SiteRegistered of(Site site) {
    return new SiteRegistered(
        site.code, site.name, site.city, site.region, site.country, site.timeZone, site.version);
  }
}
