package org.passerelle.placement;

/**
 * Whether a partner may be named on new job offers. partner-registered makes it ACTIVE;
 * partner-changed carries its status after each change.
 */
public enum PartnerStatus {
  ACTIVE,
  INACTIVE
}
