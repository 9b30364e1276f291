package org.passerelle.placement.handlers;

import jakarta.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * What placement-service reads of enrollment-service's {@code application-enrolled.v1}: the seat,
 * the consents in force at enrolment, and the person's declared categories the impact indicators
 * count (gender, age band, education level, job seeker, priority publics), never who they are.
 */
public record ApplicationEnrolled(
    UUID learnerId,
    UUID cohortId,
    String site,
    String country,
    OffsetDateTime occurredAt,
    Set<String> consentedPurposes,
    String gender,
    String ageBand,
    @Nullable String educationLevel,
    boolean jobSeeker,
    Set<String> priorityPublics) {}
