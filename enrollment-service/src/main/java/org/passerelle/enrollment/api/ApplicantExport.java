package org.passerelle.enrollment.api;

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

/**
 * Everything enrollment-service holds about one person (right of access, GDPR art. 15 / law 09-08
 * art. 7): their record with every field, their applications with screening and decisions, their
 * consents, who read or changed their sensitive fields, and the traces of imports and retried
 * requests that concern them.
 */
public record ApplicantExport(
    OffsetDateTime exportedAt,
    @Schema(description = "The data-protection regime of the person's country") String regime,
    Person applicant,
    List<ApplicationRecord> applications,
    ConsentsView consents,
    @Schema(description = "Reads and changes of the sensitive fields, by field name, newest first")
        List<SensitiveDataAccessView> sensitiveDataAccesses,
    @Schema(description = "Bulk imports whose report names one of the person's applications")
        List<ImportTrace> imports,
    @Schema(
            description =
                "Responses kept so that a retried request (Idempotency-Key) gets the same answer")
        List<StoredResponse> storedResponses) {

  /** The applicant record, every field. */
  public record Person(
      UUID id,
      @Schema(description = "Pseudonymous id other services know the person by") UUID learnerId,
      @Schema(description = "The person's own learner account, once linked") String account,
      String firstName,
      String lastName,
      LocalDate birthDate,
      String email,
      String phone,
      ApplicantDetails.Address address,
      String nationality,
      Gender gender,
      EducationLevel educationLevel,
      ApplicantDetails.Employment employment,
      List<PriorityPublic> priorityPublics,
      ApplicantDetails.Referral referral,
      String motivation,
      ApplicantDetails.Constraints constraints,
      String country,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {

    public static Person of(Applicant applicant) {
      return new Person(
          applicant.id,
          applicant.learnerId,
          applicant.subject,
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
          applicant.jobSeekerAgency == null
              ? null
              : new ApplicantDetails.Employment(applicant.jobSeekerAgency, applicant.jobSeekerId),
          applicant.priorityPublics().stream().sorted().toList(),
          applicant.referralSource == null
              ? null
              : new ApplicantDetails.Referral(applicant.referralSource, applicant.referralContact),
          applicant.motivation,
          new ApplicantDetails.Constraints(applicant.availability, applicant.accommodationNeeds),
          applicant.country,
          applicant.createdAt,
          applicant.updatedAt);
    }
  }

  /** One application and how its selection went. */
  public record ApplicationRecord(
      UUID id,
      UUID intakeId,
      String siteCode,
      String country,
      ApplicationStatus status,
      ApplicationChannel channel,
      @Schema(description = "The regional office's reference, if it sent the application")
          String externalRef,
      OffsetDateTime submittedAt,
      Integer testScore,
      String interviewNotes,
      ApplicationView.Decision decision,
      OffsetDateTime waitlistedAt,
      String withdrawalReason,
      OffsetDateTime updatedAt) {

    public static ApplicationRecord of(Application application) {
      return new ApplicationRecord(
          application.id,
          application.intakeId,
          application.siteCode,
          application.country,
          application.status,
          application.channel,
          application.externalRef,
          application.submittedAt,
          application.testScore,
          application.interviewNotes,
          ApplicationView.Decision.of(application, ApplicationView.Reader.STAFF),
          application.waitlistedAt,
          application.withdrawalReason,
          application.updatedAt);
    }
  }

  /** A bulk import that carried one of the person's applications. */
  public record ImportTrace(UUID importId, String format, OffsetDateTime startedAt) {}

  /** A response kept for retries that names the person or one of their applications. */
  public record StoredResponse(String operation, OffsetDateTime storedAt) {}
}
