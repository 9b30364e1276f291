package org.passerelle.cohort.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.passerelle.cohort.CertificationOutcome;
import org.passerelle.cohort.CertificationResult;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.Programme;

/**
 * Data of {@code learner-completed.v1}: a jury's result completed the learner's training. The
 * certification names what was obtained (every block for a full certification, those validated for
 * a partial one, none otherwise); the jury's reference stays in cohort-service, like any text staff
 * type. The learner's attendance in the cohort comes with it (issue 17).
 */
public record LearnerCompleted(
    UUID cohortId,
    UUID learnerId,
    UUID applicationId,
    String programmeCode,
    String site,
    String country,
    OffsetDateTime completedAt,
    Certification certification,
    LearnerAttendance attendance) {

  public static final String NAME = "learner-completed";

  /** The certification as the programme defines it, with the jury's outcome and date. */
  public record Certification(
      CertificationOutcome outcome,
      String framework,
      String code,
      int level,
      List<String> blocks,
      LocalDate certifiedOn) {}

  public static LearnerCompleted of(
      Cohort cohort,
      CohortLearner learner,
      Programme programme,
      CertificationResult result,
      List<String> blocks,
      LearnerAttendance attendance) {
    return new LearnerCompleted(
        cohort.id,
        learner.learnerId,
        learner.applicationId,
        cohort.programmeCode,
        cohort.siteCode,
        cohort.country,
        learner.completedAt,
        new Certification(
            result.outcome,
            programme.certificationFramework,
            programme.certificationCode,
            programme.certificationLevel,
            List.copyOf(blocks),
            result.certifiedOn),
        attendance);
  }
}
