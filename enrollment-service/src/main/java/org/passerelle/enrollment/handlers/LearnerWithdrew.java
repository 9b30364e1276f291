package org.passerelle.enrollment.handlers;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What enrollment reads of cohort-service's learner-withdrew: which application, whose, and the
 * coded exit reason. The reason is kept as a code (FOUND_JOB, HEALTH...) rather than bound to an
 * enum, so a reason cohort-service adds compatibly is still recorded; never free text.
 */
public record LearnerWithdrew(UUID applicationId, UUID learnerId, String exitReason) {

  /** An exit reason code. */
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{0,39}");

  public LearnerWithdrew {
    if (exitReason != null && !CODE.matcher(exitReason).matches()) {
      throw new IllegalArgumentException("learner-withdrew without an exit reason code");
    }
  }
}
