package org.passerelle.cohort.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;

/**
 * Data of {@code cohort-completed.v1}: the whole cohort as it completed, like cohort-changed, and
 * how many of its learners are in each status (learners still active await their jury).
 */
public record CohortCompleted(
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
    long version,
    OffsetDateTime completedAt,
    Map<LearnerStatus, Long> learnersByStatus) {

  public static final String NAME = "cohort-completed";

  /** The cohort as flushed; {@code learnersByStatus} names every status, zero included. */
  public static CohortCompleted of(Cohort cohort, Map<LearnerStatus, Long> learnersByStatus) {
    return new CohortCompleted(
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
        cohort.version,
        cohort.completedAt,
        Map.copyOf(learnersByStatus));
  }
}
