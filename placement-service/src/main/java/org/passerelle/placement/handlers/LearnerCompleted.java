package org.passerelle.placement.handlers;

import jakarta.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What placement-service reads of cohort-service's {@code learner-completed.v1}: who finished,
 * where, when, the certification's outcome and blocks, and their attendance when sent.
 */
public record LearnerCompleted(
    UUID learnerId,
    UUID cohortId,
    String programmeCode,
    String site,
    String country,
    OffsetDateTime completedAt,
    Certification certification,
    @Nullable Attendance attendance) {

  /**
   * The part of the certification kept here: its outcome (CERTIFIED...) and the blocks obtained.
   */
  public record Certification(String outcome, List<String> blocks) {}
}
