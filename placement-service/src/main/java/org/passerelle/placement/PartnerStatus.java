package org.passerelle.placement;

/**
 * Whether a partner may be named on new job offers. partner-registered makes it ACTIVE; a later
 * partnership event may make it INACTIVE (issue 15).
 */
public enum PartnerStatus {
  ACTIVE,
  INACTIVE
}
