package org.passerelle.enrollment.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.Intake;

/**
 * One of a learner's own applications, with what a learner needs to recognise the intake; never
 * staff's evaluation.
 */
@Schema(name = "OwnApplication")
public record OwnApplication(
    UUID id,
    ApplicationStatus status,
    OffsetDateTime submittedAt,
    OffsetDateTime updatedAt,
    @Schema(description = "The application's version: its ETag at GET /api/v1/applications/{id}")
        long version,
    @Schema(description = "The intake applied to; null while enrollment has not heard of it")
        AppliedIntake intake,
    @Schema(description = "When it was created: when it was submitted") OffsetDateTime createdAt) {

  /** The intake of an application, as its applicant sees it. */
  @Schema(name = "OwnApplicationIntake")
  public record AppliedIntake(
      @Schema(description = "The intake's id, also the cohort's id") UUID id,
      String programmeCode,
      String siteCode,
      String country,
      LocalDate startDate,
      LocalDate endDate,
      @Schema(description = "The cohort's status in cohort-service, e.g. RECRUITING, RUNNING")
          String cohortStatus) {

    static AppliedIntake of(Intake intake) {
      return new AppliedIntake(
          intake.id,
          intake.programmeCode,
          intake.siteCode,
          intake.country,
          intake.startDate,
          intake.endDate,
          intake.cohortStatus);
    }
  }

  public static OwnApplication of(Application application, Intake intake) {
    return new OwnApplication(
        application.id,
        application.status,
        application.submittedAt,
        application.updatedAt,
        application.version,
        intake == null ? null : AppliedIntake.of(intake),
        application.submittedAt);
  }
}
