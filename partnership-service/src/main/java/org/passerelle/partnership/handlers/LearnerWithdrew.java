package org.passerelle.partnership.handlers;

import java.util.UUID;

/** What partnership-service reads of cohort-service's {@code learner-withdrew.v1}: who left. */
public record LearnerWithdrew(UUID learnerId) {}
