package org.passerelle.enrollment.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.enrollment.Intake;

/** An intake as staff see it. */
public record IntakeView(
    @Schema(description = "The cohort's id, as in cohortId of applications") UUID id,
    String programmeCode,
    String siteCode,
    String country,
    LocalDate startDate,
    LocalDate endDate,
    int capacity,
    @Schema(description = "First day applications are taken; null: from now")
        LocalDate recruitmentOpensOn,
    @Schema(description = "Last day applications are taken; null: the day before the start")
        LocalDate recruitmentClosesOn,
    @Schema(description = "Age to have reached on the start date; null: the country's default")
        Integer minimumAge,
    @Schema(description = "The cohort's status in cohort-service") String cohortStatus,
    @Schema(description = "The cohort's version this intake reflects") long cohortVersion,
    OffsetDateTime updatedAt,
    @Schema(description = "When it was created") OffsetDateTime createdAt) {

  public static IntakeView of(Intake intake) {
    return new IntakeView(
        intake.id,
        intake.programmeCode,
        intake.siteCode,
        intake.country,
        intake.startDate,
        intake.endDate,
        intake.capacity,
        intake.recruitmentOpensOn,
        intake.recruitmentClosesOn,
        intake.minimumAge,
        intake.cohortStatus,
        intake.cohortVersion,
        intake.updatedAt,
        intake.createdAt);
  }
}
