package org.passerelle.cohort.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortStatus;

/**
 * Data of {@code cohort-scheduled.v1}: enrollment-service opens an intake from it, with the
 * recruitment window and the minimum age it checks applications against. The funders go with the
 * cohort (organisations, for indicators: their names, and their partner ids to join on); its
 * trainers (people) never do.
 */
public record CohortScheduled(
    UUID cohortId,
    String programmeCode,
    String site,
    String country,
    LocalDate startDate,
    LocalDate endDate,
    int capacity,
    CohortStatus status,
    LocalDate recruitmentOpensOn,
    LocalDate recruitmentClosesOn,
    int minimumAge,
    List<String> funders,
    List<UUID> funderPartnerIds) {

  public static final String NAME = "cohort-scheduled";

  public static CohortScheduled of(Cohort cohort) {
    return new CohortScheduled(
        cohort.id,
        cohort.programmeCode,
        cohort.siteCode,
        cohort.country,
        cohort.startDate,
        cohort.endDate,
        cohort.capacity,
        cohort.status,
        cohort.recruitmentOpensOn,
        cohort.recruitmentClosesOn,
        cohort.minimumAge,
        List.copyOf(cohort.funders),
        List.copyOf(cohort.funderPartnerIds));
  }
}
