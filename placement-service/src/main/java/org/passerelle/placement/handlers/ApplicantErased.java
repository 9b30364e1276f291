package org.passerelle.placement.handlers;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What placement-service reads of enrollment-service's {@code applicant-erased.v1}. */
public record ApplicantErased(UUID learnerId, String country, OffsetDateTime erasedAt) {}
