package org.passerelle.cohort.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.ExitReason;
import org.passerelle.cohort.LearnerStatus;

/** A learner's seat in a cohort and what became of it. */
public record LearnerView(
    @Schema(description = "Pseudonymous learner id from enrollment-service") UUID learnerId,
    UUID cohortId,
    @Schema(description = "The application that gave the seat") UUID applicationId,
    LearnerStatus status,
    @Schema(description = "When the learner last took a seat in this cohort")
        OffsetDateTime enrolledAt,
    @Schema(
            description =
                "When the learner became active (the cohort started, or they joined it"
                    + " running)")
        OffsetDateTime activatedAt,
    @Schema(description = "When the learner withdrew; null unless WITHDRAWN")
        OffsetDateTime withdrawnAt,
    @Schema(description = "Why staff withdrew the learner; null for a withdrawn application")
        ExitReason exitReason,
    @Schema(
            description =
                "Staff's comment on the withdrawal. Free text about a person: shown to staff"
                    + " only (always null for integrations), never sent in events, erased when"
                    + " the person is erased",
            maxLength = 1000)
        String exitComment,
    @Schema(description = "The cohort the learner was moved to; null unless TRANSFERRED")
        UUID transferredTo,
    OffsetDateTime transferredAt,
    @Schema(description = "When the certification result completed the training")
        OffsetDateTime completedAt,
    @Schema(description = "The seat's version, its ETag") long version) {

  /** The seat as staff see it ({@code withComment}) or as an integration does, without it. */
  public static LearnerView of(CohortLearner seat, boolean withComment) {
    return new LearnerView(
        seat.learnerId,
        seat.cohortId,
        seat.applicationId,
        seat.status,
        seat.enrolledAt,
        seat.activatedAt,
        seat.withdrawnAt,
        seat.exitReason,
        withComment ? seat.exitComment : null,
        seat.transferredTo,
        seat.transferredAt,
        seat.completedAt,
        seat.version);
  }
}
