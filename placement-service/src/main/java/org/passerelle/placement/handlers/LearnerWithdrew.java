package org.passerelle.placement.handlers;

import jakarta.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What placement-service reads of cohort-service's {@code learner-withdrew.v1}: who left, where,
 * when, the coded reason (FOUND_JOB...), and their attendance when sent.
 */
public record LearnerWithdrew(
    UUID learnerId,
    UUID cohortId,
    String programmeCode,
    String site,
    String country,
    String exitReason,
    OffsetDateTime withdrawnAt,
    boolean beforeStart,
    @Nullable Attendance attendance) {}
