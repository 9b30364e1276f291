package org.passerelle.cohort.rest;

import java.time.LocalDate;
import java.util.UUID;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortStatus;

public record CohortView(
    UUID id,
    String programmeCode,
    String siteCode,
    String country,
    LocalDate startDate,
    LocalDate endDate,
    int capacity,
    CohortStatus status,
    int applicationsReceived,
    long version) {

  public static CohortView of(Cohort cohort) {
    return new CohortView(
        cohort.id,
        cohort.programmeCode,
        cohort.siteCode,
        cohort.country,
        cohort.startDate,
        cohort.endDate,
        cohort.capacity,
        cohort.status,
        cohort.applicationsReceived,
        cohort.version);
  }
}
