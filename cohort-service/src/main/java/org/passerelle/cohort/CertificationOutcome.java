package org.passerelle.cohort;

/**
 * A jury's decision on a learner: the whole certification, some of its competency blocks, or none.
 */
public enum CertificationOutcome {
  CERTIFIED,
  PARTIALLY_CERTIFIED,
  NOT_CERTIFIED;

  /** Whether the outcome issues a certificate. */
  public boolean certifies() {
    return this != NOT_CERTIFIED;
  }
}
