package org.passerelle.placement.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.placement.FollowUp;
import org.passerelle.placement.FollowUpStatus;
import org.passerelle.placement.Learner;

/**
 * A follow-up as the API shows it: overdue when still open past the configured delay after its due
 * day; staff's notes to staff only.
 */
public record FollowUpView(
    UUID id,
    UUID learnerId,
    String country,
    String siteCode,
    UUID cohortId,
    Learner.ExitKind exitKind,
    LocalDate exitDate,
    int offsetMonths,
    LocalDate dueOn,
    FollowUpStatus status,
    boolean due,
    boolean overdue,
    int attempts,
    OffsetDateTime lastAttemptAt,
    String notes,
    UUID placementId,
    FollowUp.AnsweredBy answeredBy,
    OffsetDateTime closedAt,
    long version,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt,
    @Schema(description = "When it was created") OffsetDateTime createdAt) {

  public static FollowUpView of(
      FollowUp followUp, LocalDate today, int overdueAfterDays, boolean staff) {
    boolean due = followUp.status == FollowUpStatus.SCHEDULED && !followUp.dueOn.isAfter(today);
    boolean overdue = due && followUp.dueOn.plusDays(overdueAfterDays).isBefore(today);
    return new FollowUpView(
        followUp.id,
        followUp.learnerId,
        followUp.country,
        followUp.siteCode,
        followUp.cohortId,
        followUp.exitKind,
        followUp.exitDate,
        followUp.offsetMonths,
        followUp.dueOn,
        followUp.status,
        due,
        overdue,
        followUp.attempts,
        followUp.lastAttemptAt,
        staff ? followUp.notes : null,
        followUp.placementId,
        followUp.answeredBy,
        followUp.closedAt,
        followUp.version,
        followUp.updatedAt,
        followUp.createdAt);
  }
}
