package org.passerelle.enrollment.handlers;

import jakarta.annotation.Nullable;
import java.time.LocalDate;
import java.util.UUID;
import org.passerelle.enrollment.service.IntakeService;

/**
 * The cohort cohort-service's cohort-scheduled describes, as {@link CohortSnapshot} does but
 * without a version: a cohort is scheduled at version 0.
 *
 * @param recruitmentOpensOn absent only from events published before the recruitment window
 * @param recruitmentClosesOn likewise
 * @param minimumAge likewise
 */
public record CohortScheduled(
    UUID cohortId,
    String programmeCode,
    String site,
    String country,
    LocalDate startDate,
    LocalDate endDate,
    int capacity,
    String status,
    @Nullable LocalDate recruitmentOpensOn,
    @Nullable LocalDate recruitmentClosesOn,
    @Nullable Integer minimumAge)
    implements IntakeService.Cohort {

  @Override
  public long version() {
    return 0;
  }
}
