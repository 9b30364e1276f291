package org.passerelle.enrollment.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.Gender;

/** An application as staff and the learner see it. */
public record ApplicationView(
    UUID id,
    UUID cohortId,
    String siteCode,
    String country,
    ApplicationStatus status,
    OffsetDateTime submittedAt,
    ApplicantView applicant,
    long version) {

  public record ApplicantView(
      UUID learnerId,
      String firstName,
      String lastName,
      String email,
      LocalDate birthDate,
      Gender gender) {}

  public static ApplicationView of(Application application) {
    var applicant = application.applicant;
    return new ApplicationView(
        application.id,
        application.cohortId,
        application.siteCode,
        application.country,
        application.status,
        application.submittedAt,
        new ApplicantView(
            applicant.learnerId,
            applicant.firstName,
            applicant.lastName,
            applicant.email,
            applicant.birthDate,
            applicant.gender),
        application.version);
  }
}
