package org.passerelle.placement.api;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One application as the indicators' funnel counts it (application, accepted, entrant...): the
 * cohort it was for and whether it was accepted; no person behind it.
 *
 * @param cohortStartDate the start day of that cohort; null while the cohort is unknown here
 */
public record ApplicationFacts(
    UUID applicationId,
    UUID cohortId,
    String country,
    String siteCode,
    String programmeCode,
    LocalDate cohortStartDate,
    LocalDate submittedOn,
    boolean accepted) {}
