package org.passerelle.placement.handlers;

import java.util.UUID;

/** What placement-service reads of enrollment-service's {@code learner-account-linked.v1}. */
public record LearnerAccountLinked(UUID learnerId, String accountSubject, String country) {}
