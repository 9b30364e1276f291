package org.passerelle.cohort.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
    @Schema(description = "The trainers' names") List<String> trainers,
    @Schema(description = "The funders' names") List<String> funders,
    @Schema(description = "Seats held by learners enrolled or active") long seatsTaken,
    int applicationsReceived,
    @Schema(description = "When staff started the cohort; null before") OffsetDateTime startedAt,
    @Schema(description = "When staff completed the cohort; null before")
        OffsetDateTime completedAt,
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
        List.copyOf(cohort.trainers),
        List.copyOf(cohort.funders),
        seatsTaken,
        cohort.applicationsReceived,
        cohort.startedAt,
        cohort.completedAt,
        cohort.cancelledAt,
        cohort.cancellationReason,
        cohort.version);
  }
}
