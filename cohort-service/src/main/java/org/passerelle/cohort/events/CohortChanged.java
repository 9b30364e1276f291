package org.passerelle.cohort.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortStatus;

/**
 * Data of {@code cohort-changed.v1}: the whole cohort after the change, not a diff, so that a
 * consumer can replace its copy and keep it only when {@code version} is newer than the one it has.
 * Trainers (people's names) are never sent.
 */
public record CohortChanged(
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
    List<UUID> funderPartnerIds,
    long version) {

  public static final String NAME = "cohort-changed";

  /** The cohort as flushed: its version is the one this change produced. */
  public static CohortChanged of(Cohort cohort) {
    return new CohortChanged(
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
        List.copyOf(cohort.funderPartnerIds),
        cohort.version);
  }
}
