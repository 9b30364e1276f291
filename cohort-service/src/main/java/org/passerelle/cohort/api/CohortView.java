package org.passerelle.cohort.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortStatus;

/** A cohort as staff see it, or as an integration does: without staff's names and words. */
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
    @Schema(
            description =
                "The trainers' names: staff's names, shown to staff only (always null for"
                    + " integrations) and never sent in events")
        List<String> trainers,
    @Schema(description = "The funders' names, as people read them") List<String> funders,
    @Schema(
            description =
                "The funders as partners (partnership-service's ids), in staff's order: what"
                    + " indicators and conventions join on")
        List<UUID> funderPartnerIds,
    @Schema(description = "Seats held by learners enrolled or active") long seatsTaken,
    int applicationsReceived,
    @Schema(description = "When staff started the cohort; null before") OffsetDateTime startedAt,
    @Schema(description = "When staff completed the cohort; null before")
        OffsetDateTime completedAt,
    @Schema(description = "When the cohort was cancelled; null unless it was")
        OffsetDateTime cancelledAt,
    @Schema(
            description =
                "Staff's note on the cancellation, if any. Free text: shown to staff only (always"
                    + " null for integrations), never sent in events")
        String cancellationReason,
    long version,
    @Schema(description = "When it was created") OffsetDateTime createdAt,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt) {

  /**
   * The cohort as staff see it ({@code staff}) or as an integration does, without the trainers'
   * names and the cancellation's note (ADR 0008: integrations read codes, not staff's words).
   */
  public static CohortView of(Cohort cohort, long seatsTaken, boolean staff) {
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
        staff ? List.copyOf(cohort.trainers) : null,
        List.copyOf(cohort.funders),
        List.copyOf(cohort.funderPartnerIds),
        seatsTaken,
        cohort.applicationsReceived,
        cohort.startedAt,
        cohort.completedAt,
        cohort.cancelledAt,
        staff ? cohort.cancellationReason : null,
        cohort.version,
        cohort.createdAt,
        cohort.updatedAt);
  }
}
