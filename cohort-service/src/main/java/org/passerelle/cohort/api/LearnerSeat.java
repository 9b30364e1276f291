package org.passerelle.cohort.api;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.CohortStatus;

/** One of a learner's seats in their history across cohorts: the cohort and what became of it. */
@Schema(name = "LearnerSeat")
public record LearnerSeat(
    UUID cohortId,
    String programmeCode,
    String siteCode,
    String country,
    LocalDate startDate,
    LocalDate endDate,
    @Schema(description = "The cohort's status") CohortStatus cohortStatus,
    @Schema(description = "The learner's seat in that cohort, as the cohort's learners list it")
        LearnerView seat) {

  public static LearnerSeat of(Cohort cohort, CohortLearner seat, boolean withComment) {
    return new LearnerSeat(
        cohort.id,
        cohort.programmeCode,
        cohort.siteCode,
        cohort.country,
        cohort.startDate,
        cohort.endDate,
        cohort.status,
        LearnerView.of(seat, withComment));
  }
}
