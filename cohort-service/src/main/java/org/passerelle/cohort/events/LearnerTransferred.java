package org.passerelle.cohort.events;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;

/**
 * Data of {@code learner-transferred.v1}: staff moved the learner to another cohort of the same
 * programme and country, keeping the application. Not an exit: the learner holds a seat in {@code
 * toCohortId} from {@code transferredAt}. Keyed by the cohort the learner left; learner-enrolled
 * follows under the target's key.
 */
public record LearnerTransferred(
    UUID fromCohortId,
    UUID toCohortId,
    UUID learnerId,
    UUID applicationId,
    String programmeCode,
    String fromSite,
    String toSite,
    String country,
    OffsetDateTime transferredAt) {

  public static final String NAME = "learner-transferred";

  /** {@code left} is the learner's row in {@code from}, as the transfer left it. */
  public static LearnerTransferred of(Cohort from, Cohort to, CohortLearner left) {
    return new LearnerTransferred(
        from.id,
        to.id,
        left.learnerId,
        left.applicationId,
        from.programmeCode,
        from.siteCode,
        to.siteCode,
        from.country,
        left.transferredAt);
  }
}
