package org.passerelle.enrollment.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code applicant-erased.v1}: the person behind this learnerId exercised their right to
 * erasure (or retention erased them); other services drop anything linked to it beyond categories.
 */
public record ApplicantErased(UUID learnerId, String country, OffsetDateTime erasedAt) {

  public static final String NAME = "applicant-erased";
}
