package org.passerelle.enrollment.handlers;

import java.util.UUID;

/**
 * What enrollment reads of cohort-service's learner-enrolled: which application got a seat, whose
 * (the pseudonymous learner the seat was given to), in which cohort.
 */
public record LearnerEnrolled(UUID applicationId, UUID learnerId, UUID cohortId) {}
