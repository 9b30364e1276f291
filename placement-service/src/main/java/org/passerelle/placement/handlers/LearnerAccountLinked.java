package org.passerelle.placement.handlers;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What placement-service reads of enrollment-service's {@code learner-account-linked.v1}. */
public record LearnerAccountLinked(
    UUID learnerId, String accountSubject, String country, OffsetDateTime linkedAt) {}
