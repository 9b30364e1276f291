package org.passerelle.placement.handlers;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What placement-service reads of cohort-service's {@code learner-enrolled.v1}. */
public record LearnerEnrolled(
    UUID learnerId,
    UUID cohortId,
    String programmeCode,
    String site,
    String country,
    OffsetDateTime enrolledAt) {}
