package org.passerelle.partnership.api;

/** A partner registered under a chosen id, and whether this call created it. */
public record PartnerRegistration(PartnerView partner, boolean created) {}
