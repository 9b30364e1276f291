package org.passerelle.enrollment.events;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.Gender;

/**
 * Data of {@code application-submitted.v1}: pseudonymous ids and indicator categories only, never
 * names or contact details.
 */
public record ApplicationSubmitted(
    UUID applicationId,
    UUID learnerId,
    UUID cohortId,
    String site,
    String country,
    OffsetDateTime submittedAt,
    Gender gender,
    String ageBand) {

  public static final String NAME = "application-submitted";

  public static ApplicationSubmitted of(Application application) {
    return new ApplicationSubmitted(
        application.id,
        application.applicant.learnerId,
        application.cohortId,
        application.siteCode,
        application.country,
        application.submittedAt,
        application.applicant.gender,
        application.applicant.ageBand(application.submittedAt.toLocalDate()));
  }
}
