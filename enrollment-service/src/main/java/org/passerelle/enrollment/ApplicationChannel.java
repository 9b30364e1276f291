package org.passerelle.enrollment;

/** How an application came in. */
public enum ApplicationChannel {
  /** Entered by school staff. */
  STAFF,
  /** Submitted by the learner for themself. */
  LEARNER,
  /** Sent by a regional office's system, one by one or in a bulk import. */
  INTEGRATION
}
