package org.passerelle.cohort.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortStatus;

/**
 * Data of {@code cohort-started.v1}: the whole cohort as it started, like cohort-changed (so copies
 * keep the newest version whichever event brought it), and how many learners it started with.
 */
public record CohortStarted(
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
    OffsetDateTime startedAt,
    long activeLearners) {

  public static final String NAME = "cohort-started";

  /** The cohort as flushed: its version is the one the start produced. */
  public static CohortStarted of(Cohort cohort, long activeLearners) {
    return new CohortStarted(
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
        cohort.startedAt,
        activeLearners);
  }
}
