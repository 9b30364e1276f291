package org.passerelle.placement.handlers;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What placement-service reads of cohort-service's {@code learner-transferred.v1}. */
public record LearnerTransferred(
    UUID learnerId,
    UUID toCohortId,
    String programmeCode,
    String toSite,
    String country,
    OffsetDateTime transferredAt) {}
