package org.passerelle.placement.handlers;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What placement-service reads of enrollment-service's {@code application-submitted.v1}: which
 * cohort was applied to, and when; nothing of the person, since the funnel only counts.
 */
public record ApplicationSubmitted(
    UUID applicationId, UUID cohortId, String site, String country, OffsetDateTime submittedAt) {}
