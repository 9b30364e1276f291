package org.passerelle.enrollment.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.PriorityPublic;

/**
 * An application in a list: enough to find and sort it. Never the sensitive fields, which only the
 * detail view shows (and audits); the test score for staff only.
 */
public record ApplicationSummary(
    UUID id,
    UUID intakeId,
    String siteCode,
    String country,
    ApplicationStatus status,
    OffsetDateTime submittedAt,
    OffsetDateTime updatedAt,
    UUID applicantId,
    String firstName,
    String lastName,
    String email,
    @Schema(
            description =
                "Selection test score, 0 to 100: staff's evaluation, shown to staff only; always"
                    + " null for the learner and for regional offices' systems (integration)")
        Integer testScore,
    @Schema(description = "The non-sensitive ones; empty once the person is erased")
        List<PriorityPublic> priorityPublics,
    long version,
    @Schema(description = "When it was created: when it was submitted") OffsetDateTime createdAt) {

  public static ApplicationSummary of(Application application, ApplicationView.Reader reader) {
    var applicant = application.applicant;
    return new ApplicationSummary(
        application.id,
        application.intakeId,
        application.siteCode,
        application.country,
        application.status,
        application.submittedAt,
        application.updatedAt,
        applicant.id,
        applicant.firstName,
        applicant.lastName,
        applicant.email,
        reader == ApplicationView.Reader.STAFF ? application.testScore : null,
        applicant.erased()
            ? List.of()
            : applicant.priorityPublics().stream().filter(publics -> !publics.sensitive()).toList(),
        application.version,
        application.submittedAt);
  }
}
