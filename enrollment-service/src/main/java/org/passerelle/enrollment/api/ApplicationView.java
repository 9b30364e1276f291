package org.passerelle.enrollment.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.api.Actor;
import org.passerelle.commons.rest.Responses;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.ApplicationChannel;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.EducationLevel;
import org.passerelle.enrollment.Gender;
import org.passerelle.enrollment.PriorityPublic;

/**
 * An application as its reader may see it: staff in scope see everything; the learner their own
 * application without the screening and who decided; a regional office's system (integration)
 * codes, never staff's words or evaluation (ADR 0012, as cohort-service does for its learners).
 */
public record ApplicationView(
    UUID id,
    @Schema(description = "The intake, which is the cohort's id") UUID intakeId,
    String siteCode,
    String country,
    ApplicationStatus status,
    ApplicationChannel channel,
    @Schema(description = "The regional office's own reference, if it sent the application")
        String externalRef,
    OffsetDateTime submittedAt,
    OffsetDateTime updatedAt,
    @Schema(
            description =
                "Screening results (test score, interview notes): staff's evaluation, shown to"
                    + " staff only; always null for the learner and for regional offices' systems"
                    + " (integration)")
        Screening screening,
    @Schema(description = "The last selection decision; null before any") Decision decision,
    @Schema(
            description =
                "Why it was withdrawn, as the person or staff wrote it (free text), or the exit"
                    + " reason code when the learner left their cohort. Null for regional"
                    + " offices' systems (integration), which read that code in decision.reason")
        String withdrawalReason,
    ApplicantView applicant,
    long version,
    @Schema(
            description =
                "Set while the application is ACCEPTED (the answer to accept, or a waitlist"
                    + " promotion): enrolment follows asynchronously, usually within seconds, and"
                    + " this says where to observe it; null in every other status")
        PendingEnrolment pendingEnrolment,
    @Schema(description = "When it was created: when it was submitted") OffsetDateTime createdAt) {

  /** Who reads the application, which decides what the view shows. */
  public enum Reader {
    /** Platform admin, country admin or site staff whose scope covers the application. */
    STAFF,
    /** The person themself, reading their own application. */
    LEARNER,
    /** A regional office's system in its country: codes, never staff's words or evaluation. */
    INTEGRATION
  }

  /** Whether a person of the school's staff or a system took a decision. */
  @Schema(
      name = "ApplicationDeciderType",
      deprecated = true,
      description =
          "Deprecated, removed after 2027-06-30; use decision.decidedByActor.type (PERSON for"
              + " STAFF)")
  public enum DeciderType {
    /** A staff member (platform admin, country admin or site staff). */
    STAFF,
    /** The waitlist (a promotion) or cohort-service (the learner left their cohort). */
    SYSTEM
  }

  public record Screening(
      @Schema(description = "Selection test score, 0 to 100") Integer testScore,
      @Schema(description = "Staff's notes on the interview (free text)") String interviewNotes) {}

  public record Decision(
      @Schema(
              description =
                  "Staff's reason (free text), or a code when the system decided (the exit"
                      + " reason, e.g. FOUND_JOB, when the learner left their cohort). Regional"
                      + " offices' systems (integration) get only a code: null for a staff"
                      + " decision")
          String reason,
      @Schema(
              deprecated = true,
              description =
                  "Who decided: the staff member's account (token subject), or system:waitlist /"
                      + " system:cohort-service. Staff only: always null for the learner and for"
                      + " regional offices' systems (integration), which read decidedByType."
                      + " Deprecated, removed after 2027-06-30; use decidedByActor")
          String decidedBy,
      @Schema(
              deprecated = true,
              description =
                  "Whether staff or a system decided; for every reader. Deprecated, removed after"
                      + " 2027-06-30; use decidedByActor.type (PERSON for STAFF)")
          DeciderType decidedByType,
      OffsetDateTime decidedAt,
      @Schema(
              description =
                  "Who decided: a staff member's account (PERSON) or a system (SYSTEM: waitlist,"
                      + " cohort-service). For every reader; its id and displayName for staff"
                      + " only, null for the learner and for regional offices' systems"
                      + " (integration)")
          Actor decidedByActor) {

    /** The decision as this reader sees it; null if none was taken. */
    public static Decision of(Application application, Reader reader) {
      if (application.decidedAt == null) {
        return null;
      }
      DeciderType type =
          application.decidedBy == null
              ? null
              : application.decidedBySystem() ? DeciderType.SYSTEM : DeciderType.STAFF;
      String reason =
          switch (reader) {
            case STAFF, LEARNER -> application.decisionReason;
            case INTEGRATION -> type == DeciderType.SYSTEM ? application.decisionReason : null;
          };
      Actor decider = Actor.of(application.decidedBy);
      return new Decision(
          reason,
          reader == Reader.STAFF ? application.decidedBy : null,
          type,
          application.decidedAt,
          reader == Reader.STAFF || decider == null ? decider : decider.typeOnly());
    }
  }

  /**
   * Accepting asks cohort-service for a seat, by event; the answer to accept cannot say yet whether
   * the learner got one. This tells a UI or an integration where the outcome shows (ADR 0042).
   */
  @Schema(
      name = "PendingEnrolment",
      description =
          "An accepted application waits for cohort-service's seat: the application becomes"
              + " ENROLLED (the learner is in the cohort) or WAITLISTED (no seat left)")
  public record PendingEnrolment(
      @Schema(
              description =
                  "This application: read it again until its status leaves ACCEPTED for"
                      + " ENROLLED or WAITLISTED")
          URI application,
      @Schema(
              description =
                  "Where the learner will appear in the cohort: 404 until the seat is given, then"
                      + " the learner's seat (staff and integrations in the cohort's scope)")
          URI cohortLearner,
      @Schema(
              description =
                  "The events that tell the outcome, as topic/event type (AsyncAPI document at"
                      + " /q/asyncapi): learner-enrolled or seat-unavailable from cohort-service,"
                      + " then application-enrolled or application-waitlisted")
          List<String> events) {

    static final List<String> OUTCOME_EVENTS =
        List.of(
            "cohort.events/learner-enrolled",
            "cohort.events/seat-unavailable",
            "enrollment.events/application-enrolled",
            "enrollment.events/application-waitlisted");

    /** While the application waits for its seat; null otherwise. */
    static PendingEnrolment of(Application application) {
      if (application.status != ApplicationStatus.ACCEPTED) {
        return null;
      }
      String base = Responses.publicBaseUrl().toString();
      return new PendingEnrolment(
          URI.create(base + "/api/v1/applications/" + application.id),
          URI.create(
              base
                  + "/api/v1/cohorts/"
                  + application.intakeId
                  + "/learners/"
                  + application.applicant.learnerId),
          OUTCOME_EVENTS);
    }
  }

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

  /** The whole view for this reader. */
  public static ApplicationView of(Application application, boolean withSensitive, Reader reader) {
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
        reader == Reader.STAFF
            ? new Screening(application.testScore, application.interviewNotes)
            : null,
        Decision.of(application, reader),
        reader == Reader.INTEGRATION ? null : application.withdrawalReason,
        ApplicantView.of(application.applicant, withSensitive),
        application.version,
        PendingEnrolment.of(application),
        application.submittedAt);
  }
}
