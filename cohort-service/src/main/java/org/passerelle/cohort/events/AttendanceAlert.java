package org.passerelle.cohort.events;

import java.time.LocalDate;
import java.util.UUID;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;

/**
 * Data of {@code attendance-alert.v1}: an active learner's run of consecutive unexcused absences
 * reached the configured threshold. Raised once per run; never carries staff's comments.
 */
public record AttendanceAlert(
    UUID cohortId,
    UUID learnerId,
    String programmeCode,
    String site,
    String country,
    int consecutiveUnexcusedAbsences,
    LocalDate since,
    LocalDate lastAbsenceOn,
    int threshold) {

  public static final String NAME = "attendance-alert";

  public static AttendanceAlert of(
      Cohort cohort,
      CohortLearner learner,
      int consecutiveUnexcusedAbsences,
      LocalDate since,
      LocalDate lastAbsenceOn,
      int threshold) {
    return new AttendanceAlert(
        cohort.id,
        learner.learnerId,
        cohort.programmeCode,
        cohort.siteCode,
        cohort.country,
        consecutiveUnexcusedAbsences,
        since,
        lastAbsenceOn,
        threshold);
  }
}
