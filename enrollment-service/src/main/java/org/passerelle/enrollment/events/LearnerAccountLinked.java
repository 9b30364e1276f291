package org.passerelle.enrollment.events;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.enrollment.Applicant;

/**
 * Data of {@code learner-account-linked.v1}: the person's own account (their token's subject) now
 * leads to their learnerId, so that other services answer a learner about themself (ADR 0023).
 */
public record LearnerAccountLinked(
    UUID learnerId, String accountSubject, String country, OffsetDateTime linkedAt) {

  public static final String NAME = "learner-account-linked";

  public static LearnerAccountLinked of(Applicant applicant, OffsetDateTime linkedAt) {
    return new LearnerAccountLinked(
        applicant.learnerId, applicant.subject, applicant.country, linkedAt);
  }
}
