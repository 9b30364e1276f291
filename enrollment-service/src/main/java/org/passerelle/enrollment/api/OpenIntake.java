package org.passerelle.enrollment.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.enrollment.Intake;

/** An intake a person may apply to today, as anyone may read it: nothing about applicants. */
@Schema(name = "OpenIntake")
public record OpenIntake(
    @Schema(description = "The intake's id: the intakeId of an application to it") UUID id,
    @Schema(description = "The programme's code; its titles at GET /api/v1/programmes/{code}")
        String programmeCode,
    @Schema(description = "The site's code, e.g. FR-SEVRAN") String siteCode,
    String country,
    LocalDate startDate,
    LocalDate endDate,
    @Schema(description = "Last day applications are taken") LocalDate recruitmentClosesOn,
    @Schema(description = "Age to have reached on the start date; null: the country's default")
        Integer minimumAge,
    int capacity,
    @Schema(
            description =
                "Seats not yet given or promised: the capacity less the applications accepted or"
                    + " enrolled, as enrollment-service last heard from cohort-service. 0: an"
                    + " application is still taken, and may lead to the waitlist")
        long seatsLeft,
    @Schema(description = "When it was created") OffsetDateTime createdAt,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt) {

  public static OpenIntake of(Intake intake, long seatsHeld) {
    return new OpenIntake(
        intake.id,
        intake.programmeCode,
        intake.siteCode,
        intake.country,
        intake.startDate,
        intake.endDate,
        intake.recruitmentClosesOn == null
            ? intake.startDate.minusDays(1)
            : intake.recruitmentClosesOn,
        intake.minimumAge,
        intake.capacity,
        Math.max(0, intake.capacity - seatsHeld),
        intake.createdAt,
        intake.updatedAt);
  }
}
