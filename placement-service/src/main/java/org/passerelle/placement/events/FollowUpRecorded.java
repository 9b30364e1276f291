package org.passerelle.placement.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.placement.FollowUp;
import org.passerelle.placement.FollowUpStatus;
import org.passerelle.placement.Situation;

/**
 * Data of {@code follow-up-recorded.v1}: a follow-up closed, with the situation it recorded (DONE)
 * or because the learner stayed unreachable (UNREACHABLE).
 */
public record FollowUpRecorded(
    UUID followUpId,
    UUID learnerId,
    String site,
    String country,
    int offsetMonths,
    LocalDate dueOn,
    FollowUpStatus outcome,
    UUID placementId,
    Situation situation,
    FollowUp.AnsweredBy answeredBy,
    int attempts,
    OffsetDateTime occurredAt) {

  public static final String NAME = "follow-up-recorded";

  public static FollowUpRecorded of(FollowUp followUp, Situation situation) {
    return new FollowUpRecorded(
        followUp.id,
        followUp.learnerId,
        followUp.siteCode,
        followUp.country,
        followUp.offsetMonths,
        followUp.dueOn,
        followUp.status,
        followUp.placementId,
        situation,
        followUp.answeredBy,
        followUp.attempts,
        followUp.closedAt);
  }
}
