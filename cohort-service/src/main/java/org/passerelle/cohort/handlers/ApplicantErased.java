package org.passerelle.cohort.handlers;

import java.util.UUID;

/** What cohort-service reads of enrollment-service's applicant-erased: whose text to blank. */
public record ApplicantErased(UUID learnerId) {}
