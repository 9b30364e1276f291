package org.passerelle.enrollment.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.ApplicationChannel;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.EducationLevel;
import org.passerelle.enrollment.Gender;
import org.passerelle.enrollment.PriorityPublic;

/** An application as staff and the learner see it, with the applicant. */
public record ApplicationView(
    UUID id,
    @Schema(description = "The intake, which is the cohort's id") UUID intakeId,
    String siteCode,
    String country,
    ApplicationStatus status,
    ApplicationChannel channel,
    String externalRef,
    OffsetDateTime submittedAt,
    OffsetDateTime updatedAt,
    @Schema(description = "Screening results; absent for the learner") Screening screening,
    Decision decision,
    String withdrawalReason,
    ApplicantView applicant,
    long version) {

  public record Screening(Integer testScore, String interviewNotes) {}

  public record Decision(String reason, String decidedBy, OffsetDateTime decidedAt) {}

  /**
   * The applicant. Sensitive fields (REFUGEE and DISABILITY in priorityPublics, accommodation
   * needs) appear only for the roles that need them and for the person; {@code
   * sensitiveFieldsHidden} says when they were left out. Once erased, only pseudonyms remain: the
   * categories the record keeps are for counting, never shown for one person (ADR 0012).
   */
  public record ApplicantView(
      UUID id,
      @Schema(description = "Pseudonymous id other services know the person by") UUID learnerId,
      String firstName,
      String lastName,
      LocalDate birthDate,
      String email,
      String phone,
      ApplicantDetails.Address address,
      String nationality,
      @Schema(description = "As declared; null once erased") Gender gender,
      @Schema(description = "Null once erased") EducationLevel educationLevel,
      ApplicantDetails.Employment employment,
      @Schema(description = "Empty once erased") List<PriorityPublic> priorityPublics,
      ApplicantDetails.Referral referral,
      String motivation,
      ApplicantDetails.Constraints constraints,
      boolean sensitiveFieldsHidden,
      @Schema(
              description =
                  "The person's data was erased: names are \"erased\", the email a random"
                      + " pseudonym, every other field null or empty")
          boolean erased) {

    public static ApplicantView of(Applicant applicant, boolean withSensitive) {
      if (applicant.erased()) {
        return new ApplicantView(
            applicant.id,
            applicant.learnerId,
            applicant.firstName,
            applicant.lastName,
            null,
            applicant.email,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            !withSensitive,
            true);
      }
      return new ApplicantView(
          applicant.id,
          applicant.learnerId,
          applicant.firstName,
          applicant.lastName,
          applicant.birthDate,
          applicant.email,
          applicant.phone,
          applicant.addressCountry == null
              ? null
              : new ApplicantDetails.Address(
                  applicant.addressLine,
                  applicant.postalCode,
                  applicant.city,
                  applicant.addressCountry),
          applicant.nationality,
          applicant.gender,
          applicant.educationLevel,
          new ApplicantDetails.Employment(applicant.jobSeekerAgency, applicant.jobSeekerId),
          applicant.priorityPublics().stream()
              .filter(publics -> withSensitive || !publics.sensitive())
              .toList(),
          applicant.referralSource == null
              ? null
              : new ApplicantDetails.Referral(applicant.referralSource, applicant.referralContact),
          applicant.motivation,
          new ApplicantDetails.Constraints(
              applicant.availability, withSensitive ? applicant.accommodationNeeds : null),
          !withSensitive,
          false);
    }
  }

  /** The whole view; {@code staffView} adds the screening notes. */
  public static ApplicationView of(
      Application application, boolean withSensitive, boolean staffView) {
    return new ApplicationView(
        application.id,
        application.intakeId,
        application.siteCode,
        application.country,
        application.status,
        application.channel,
        application.externalRef,
        application.submittedAt,
        application.updatedAt,
        staffView ? new Screening(application.testScore, application.interviewNotes) : null,
        application.decidedAt == null
            ? null
            : new Decision(
                application.decisionReason,
                staffView ? application.decidedBy : null,
                application.decidedAt),
        application.withdrawalReason,
        ApplicantView.of(application.applicant, withSensitive),
        application.version);
  }
}
