package org.passerelle.placement.handlers;

/** What placement-service reads of cohort-service's {@code site-registered.v1}. */
public record SiteRegistered(String site, String country) {}
