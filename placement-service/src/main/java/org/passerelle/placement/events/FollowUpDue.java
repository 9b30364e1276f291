package org.passerelle.placement.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.placement.FollowUp;
import org.passerelle.placement.Learner;

/** Data of {@code follow-up-due.v1}: a follow-up reached its due day, announced once. */
public record FollowUpDue(
    UUID followUpId,
    UUID learnerId,
    String site,
    String country,
    Learner.ExitKind exitKind,
    LocalDate exitDate,
    int offsetMonths,
    LocalDate dueOn,
    OffsetDateTime occurredAt) {

  public static final String NAME = "follow-up-due";

  public static FollowUpDue of(FollowUp followUp, OffsetDateTime at) {
    return new FollowUpDue(
        followUp.id,
        followUp.learnerId,
        followUp.siteCode,
        followUp.country,
        followUp.exitKind,
        followUp.exitDate,
        followUp.offsetMonths,
        followUp.dueOn,
        at);
  }
}
