package org.passerelle.placement.handlers;

import jakarta.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.placement.service.KnownCohortService;

/**
 * What placement-service reads of cohort-service's cohort-scheduled: the cohort as {@link
 * CohortSnapshot} has it, but without a version: a cohort is scheduled at version 0.
 *
 * @param funderPartnerIds absent only from events published before funders were partners
 */
public record CohortScheduled(
    UUID cohortId,
    String programmeCode,
    String site,
    String country,
    LocalDate startDate,
    LocalDate endDate,
    String status,
    @Nullable List<UUID> funderPartnerIds)
    implements KnownCohortService.Cohort {

  @Override
  public long version() {
    return 0;
  }
}
