package org.passerelle.partnership.handlers;

import java.util.UUID;

/**
 * What partnership-service reads of cohort-service's {@code learner-completed.v1}: who finished.
 */
public record LearnerCompleted(UUID learnerId) {}
