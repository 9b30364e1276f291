package org.passerelle.cohort.events;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;

/**
 * Data of {@code seat-freed.v1}: a learner withdrew or was transferred away before the cohort
 * started; {@code seatsLeft} counts the free seats after it, so enrollment can offer the seat to
 * the waitlist.
 */
public record SeatFreed(
    UUID cohortId,
    UUID learnerId,
    UUID applicationId,
    String programmeCode,
    String site,
    String country,
    OffsetDateTime freedAt,
    long seatsLeft) {

  public static final String NAME = "seat-freed";

  public static SeatFreed of(
      Cohort cohort, CohortLearner seat, OffsetDateTime freedAt, long seatsLeft) {
    return new SeatFreed(
        cohort.id,
        seat.learnerId,
        seat.applicationId,
        cohort.programmeCode,
        cohort.siteCode,
        cohort.country,
        freedAt,
        seatsLeft);
  }
}
