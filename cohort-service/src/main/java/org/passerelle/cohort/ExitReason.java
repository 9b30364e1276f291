package org.passerelle.cohort;

/**
 * Why a learner left the school before completing, as funders' drop-out reporting codes it. A staff
 * comment says more; the code alone travels in events.
 */
public enum ExitReason {
  FOUND_JOB,
  HEALTH,
  FAMILY,
  FINANCIAL,
  RELOCATION,
  LOST_INTEREST,
  EXCLUDED,
  OTHER
}
