package org.passerelle.cohort.handlers;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What cohort-service reads of enrollment-service's {@code learner-account-linked.v1}. */
public record LearnerAccountLinked(
    UUID learnerId, String accountSubject, String country, OffsetDateTime linkedAt) {}
