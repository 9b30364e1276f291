package org.passerelle.cohort.api;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.Site;

public record SiteView(
    String code,
    String name,
    String city,
    String region,
    String country,
    @Schema(description = "IANA time zone, e.g. Europe/Paris: the site's days and dates")
        String timeZone,
    @Schema(description = "Changes with every change; the ETag") long version,
    @Schema(description = "When it was created") OffsetDateTime createdAt,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt) {

  public static SiteView of(Site site) {
    return new SiteView(
        site.code,
        site.name,
        site.city,
        site.region,
        site.country,
        site.timeZone,
        site.version,
        site.createdAt,
        site.updatedAt);
  }
}
