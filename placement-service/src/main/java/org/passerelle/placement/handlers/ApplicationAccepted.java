package org.passerelle.placement.handlers;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What placement-service reads of enrollment-service's {@code application-accepted.v1}: which
 * application selection accepted, and when; nothing of the person.
 */
public record ApplicationAccepted(
    UUID applicationId, UUID cohortId, String site, String country, OffsetDateTime occurredAt) {}
