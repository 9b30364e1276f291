package org.passerelle.partnership.handlers;

/**
 * What partnership-service reads of cohort-service's {@code site-changed.v1}: a site's time zone.
 */
public record SiteChanged(String site, String country, String timeZone, long version) {}
