package org.passerelle.cohort.events;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;

/**
 * Data of {@code learner-enrolled.v1}: the accepted application got a seat. Sent again, with the
 * same facts, when an application already seated (here or in another cohort, whose key it then has)
 * is accepted again; and under the target's key when staff transfer the learner there.
 */
public record LearnerEnrolled(
    UUID cohortId,
    UUID learnerId,
    UUID applicationId,
    String programmeCode,
    String site,
    String country,
    OffsetDateTime enrolledAt) {

  public static final String NAME = "learner-enrolled";

  public static LearnerEnrolled of(Cohort cohort, CohortLearner seat) {
    return new LearnerEnrolled(
        cohort.id,
        seat.learnerId,
        seat.applicationId,
        cohort.programmeCode,
        cohort.siteCode,
        cohort.country,
        seat.enrolledAt);
  }
}
