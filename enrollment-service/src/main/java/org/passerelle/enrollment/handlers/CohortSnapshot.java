package org.passerelle.enrollment.handlers;

import jakarta.annotation.Nullable;
import java.time.LocalDate;
import java.util.UUID;
import org.passerelle.enrollment.service.IntakeService;

/**
 * A cohort as the data of cohort-service's cohort-changed, cohort-started and cohort-completed
 * describe it: the whole cohort with its version. Fields it does not name are ignored (schemas grow
 * compatibly); a missing required one fails the event, which is then retried and parked, rather
 * than writing a wrong intake.
 *
 * @param recruitmentOpensOn absent only from events published before the recruitment window
 * @param recruitmentClosesOn likewise
 * @param minimumAge likewise
 */
public record CohortSnapshot(
    UUID cohortId,
    String programmeCode,
    String site,
    String country,
    LocalDate startDate,
    LocalDate endDate,
    int capacity,
    String status,
    long version,
    @Nullable LocalDate recruitmentOpensOn,
    @Nullable LocalDate recruitmentClosesOn,
    @Nullable Integer minimumAge)
    implements IntakeService.Cohort {}
