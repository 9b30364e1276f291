package org.passerelle.enrollment.handlers;

import java.util.UUID;

/**
 * What enrollment reads of cohort-service's learner-transferred: which application, whose, and the
 * cohort its seat moved to.
 */
public record LearnerTransferred(UUID applicationId, UUID learnerId, UUID toCohortId) {}
