package org.passerelle.cohort.rest;

import org.passerelle.cohort.Site;

public record SiteView(
    String code, String name, String city, String region, String country, String timeZone) {

  public static SiteView of(Site site) {
    return new SiteView(site.code, site.name, site.city, site.region, site.country, site.timeZone);
  }
}
