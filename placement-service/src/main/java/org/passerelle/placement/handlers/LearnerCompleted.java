package org.passerelle.placement.handlers;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What placement-service reads of cohort-service's {@code learner-completed.v1}: who finished,
 * where, when, and the certification's outcome.
 */
public record LearnerCompleted(
    UUID learnerId,
    UUID cohortId,
    String programmeCode,
    String site,
    String country,
    OffsetDateTime completedAt,
    Certification certification) {

  /** The part of the certification kept here: its outcome (CERTIFIED, PARTIALLY_CERTIFIED...). */
  public record Certification(String outcome) {}
}
