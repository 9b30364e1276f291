package org.passerelle.cohort.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    LocalDate recruitmentOpensOn,
    LocalDate recruitmentClosesOn,
    @Schema(description = "Age an applicant must have reached on the start date") int minimumAge,
    @Schema(description = "Seats held by learners enrolled or active") long seatsTaken,
    int applicationsReceived,
    @Schema(description = "When the cohort was cancelled; null unless it was")
        OffsetDateTime cancelledAt,
    @Schema(description = "Staff's note on the cancellation, if any") String cancellationReason,
    long version) {

  public static CohortView of(Cohort cohort, long seatsTaken) {
    return new CohortView(
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
        seatsTaken,
        cohort.applicationsReceived,
        cohort.cancelledAt,
        cohort.cancellationReason,
        cohort.version);
  }
}
