package org.passerelle.enrollment.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.PriorityPublic;

/** One place on an intake's waitlist; sensitive priority publics are never shown here. */
public record WaitlistEntry(
    int position,
    UUID applicationId,
    String firstName,
    String lastName,
    Integer testScore,
    List<PriorityPublic> visiblePriorityPublics,
    OffsetDateTime waitlistedAt,
    OffsetDateTime submittedAt) {

  public static WaitlistEntry of(int position, Application application) {
    var applicant = application.applicant;
    return new WaitlistEntry(
        position,
        application.id,
        applicant.firstName,
        applicant.lastName,
        application.testScore,
        applicant.priorityPublics().stream().filter(publics -> !publics.sensitive()).toList(),
        application.waitlistedAt,
        application.submittedAt);
  }
}
