package org.passerelle.partnership.handlers;

import java.util.UUID;

/** What partnership-service reads of enrollment-service's {@code applicant-erased.v1}. */
public record ApplicantErased(UUID learnerId) {}
