package org.passerelle.placement.handlers;

import jakarta.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.placement.service.KnownCohortService;

/**
 * What placement-service reads of cohort-service's cohort-changed, cohort-started and
 * cohort-completed: the whole cohort with its version, so that the newest wins.
 *
 * @param funderPartnerIds absent only from events published before funders were partners
 */
public record CohortSnapshot(
    UUID cohortId,
    String programmeCode,
    String site,
    String country,
    LocalDate startDate,
    LocalDate endDate,
    String status,
    long version,
    @Nullable List<UUID> funderPartnerIds)
    implements KnownCohortService.Cohort {}
