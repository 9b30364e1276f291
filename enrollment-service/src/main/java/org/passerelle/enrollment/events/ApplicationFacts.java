package org.passerelle.enrollment.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.ConsentPurpose;
import org.passerelle.enrollment.EducationLevel;
import org.passerelle.enrollment.Gender;
import org.passerelle.enrollment.PriorityPublic;

/**
 * Data of the application-accepted, -waitlisted, -rejected, -withdrawn and -enrolled events (v1):
 * the pseudonymous learner, the intake and the indicator categories, never names, contact details
 * or free text.
 *
 * @param cohortId the intake's cohort
 * @param consentedPurposes purposes beyond processing the application the person consents to, e.g.
 *     FOLLOW_UP_CONTACT, so other services use no purpose without consent
 */
public record ApplicationFacts(
    UUID applicationId,
    UUID learnerId,
    UUID cohortId,
    String site,
    String country,
    OffsetDateTime occurredAt,
    Gender gender,
    String ageBand,
    EducationLevel educationLevel,
    boolean jobSeeker,
    List<PriorityPublic> priorityPublics,
    List<ConsentPurpose> consentedPurposes) {

  public static final String ACCEPTED = "application-accepted";
  public static final String WAITLISTED = "application-waitlisted";
  public static final String REJECTED = "application-rejected";
  public static final String WITHDRAWN = "application-withdrawn";
  public static final String ENROLLED = "application-enrolled";

  public static ApplicationFacts of(
      Application application, List<ConsentPurpose> consentedPurposes, OffsetDateTime at) {
    var applicant = application.applicant;
    return new ApplicationFacts(
        application.id,
        applicant.learnerId,
        application.intakeId,
        application.siteCode,
        application.country,
        at,
        applicant.gender,
        applicant.ageBand(application.submittedAt.toLocalDate()),
        applicant.educationLevel,
        applicant.jobSeeker(),
        List.copyOf(applicant.priorityPublics()),
        consentedPurposes.stream()
            .filter(purpose -> purpose != ConsentPurpose.APPLICATION_PROCESSING)
            .sorted()
            .toList());
  }
}
