package org.passerelle.partnership.handlers;

/**
 * What partnership-service reads of cohort-service's {@code site-registered.v1}: a site's time
 * zone.
 */
public record SiteRegistered(String site, String country, String timeZone, long version) {}
