package org.passerelle.cohort;

/**
 * Whether a partner may be named as a new funder of a cohort. partner-registered makes it ACTIVE;
 * partner-changed carries its status after each change.
 */
public enum PartnerStatus {
  ACTIVE,
  INACTIVE
}
