package org.passerelle.cohort.events;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.ExitReason;

/**
 * Data of {@code learner-withdrew.v1}: staff recorded that the learner left the school, with the
 * coded exit reason funders count drop-outs by. Staff's comment stays in cohort-service: it is free
 * text about a person. {@code beforeStart} tells a seat given back before the cohort started (then
 * seat-freed follows) from a drop-out during the training. The learner's attendance in the cohort
 * comes with it (issue 17).
 */
public record LearnerWithdrew(
    UUID cohortId,
    UUID learnerId,
    UUID applicationId,
    String programmeCode,
    String site,
    String country,
    ExitReason exitReason,
    OffsetDateTime withdrawnAt,
    boolean beforeStart,
    LearnerAttendance attendance) {

  public static final String NAME = "learner-withdrew";

  public static LearnerWithdrew of(
      Cohort cohort, CohortLearner seat, boolean beforeStart, LearnerAttendance attendance) {
    return new LearnerWithdrew(
        cohort.id,
        seat.learnerId,
        seat.applicationId,
        cohort.programmeCode,
        cohort.siteCode,
        cohort.country,
        seat.exitReason,
        seat.withdrawnAt,
        beforeStart,
        attendance);
  }
}
