package org.passerelle.cohort.events;

import java.util.UUID;

/**
 * Data of {@code seat-unavailable.v1}: an accepted application got no seat, and why. {@code
 * programmeCode} is the cohort's; null for an unknown cohort.
 */
public record SeatUnavailable(
    UUID cohortId,
    UUID learnerId,
    UUID applicationId,
    String programmeCode,
    String site,
    String country,
    Reason reason) {

  public static final String NAME = "seat-unavailable";

  public enum Reason {
    /** Every seat is taken. */
    FULL,
    /** The cohort no longer takes learners: running, completed or cancelled. */
    COHORT_NOT_RECRUITING,
    /** cohort-service knows no such cohort at that site. */
    UNKNOWN_COHORT
  }
}
