package org.passerelle.enrollment.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.EducationLevel;
import org.passerelle.enrollment.Gender;
import org.passerelle.enrollment.PriorityPublic;

/**
 * Data of {@code application-submitted.v1}: pseudonymous ids and indicator categories only, never
 * names or contact details. The categories after ageBand came later, so the schema has them
 * optional; this service always sends them.
 */
public record ApplicationSubmitted(
    UUID applicationId,
    UUID learnerId,
    UUID cohortId,
    String site,
    String country,
    OffsetDateTime submittedAt,
    Gender gender,
    String ageBand,
    EducationLevel educationLevel,
    boolean jobSeeker,
    List<PriorityPublic> priorityPublics) {

  public static final String NAME = "application-submitted";

  public static ApplicationSubmitted of(Application application) {
    var applicant = application.applicant;
    return new ApplicationSubmitted(
        application.id,
        applicant.learnerId,
        application.intakeId,
        application.siteCode,
        application.country,
        application.submittedAt,
        applicant.gender,
        applicant.ageBand(application.submittedAt.toLocalDate()),
        applicant.educationLevel,
        applicant.jobSeeker(),
        List.copyOf(applicant.priorityPublics()));
  }
}
