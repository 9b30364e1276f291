package org.passerelle.placement.handlers;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * What placement-service reads of enrollment-service's {@code application-enrolled.v1}: the seat
 * and the consents in force at enrolment (no other category).
 */
public record ApplicationEnrolled(
    UUID learnerId,
    UUID cohortId,
    String site,
    String country,
    OffsetDateTime occurredAt,
    Set<String> consentedPurposes) {}
