package org.passerelle.cohort.events;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.cohort.Cohort;

/**
 * Data of {@code cohort-cancelled.v1}. Staff's reason stays in cohort-service: free text may name
 * people, and events carry no personal data.
 */
public record CohortCancelled(
    UUID cohortId,
    String programmeCode,
    String site,
    String country,
    OffsetDateTime cancelledAt,
    long version) {

  public static final String NAME = "cohort-cancelled";

  /** The cohort as flushed: its version is the one the cancellation produced. */
  public static CohortCancelled of(Cohort cohort) {
    return new CohortCancelled(
        cohort.id,
        cohort.programmeCode,
        cohort.siteCode,
        cohort.country,
        cohort.cancelledAt,
        cohort.version);
  }
}
