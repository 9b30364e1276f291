package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A learner in a cohort: the seat they hold, how they left or completed, and (in their own tables)
 * their attendance and certification. The learner is the pseudonymous id enrollment-service gives;
 * personal data stays there. The only free text, staff's exit comment, is erased with the person.
 */
@Entity
@Table(name = "cohort_learner")
public class CohortLearner {
  @Id public UUID id;

  @Column(name = "cohort_id")
  public UUID cohortId;

  @Column(name = "learner_id")
  public UUID learnerId;

  /** The accepted application that gave the seat. */
  @Column(name = "application_id")
  public UUID applicationId;

  @Enumerated(EnumType.STRING)
  public LearnerStatus status;

  @Column(name = "enrolled_at")
  public OffsetDateTime enrolledAt;

  @Column(name = "withdrawn_at")
  public OffsetDateTime withdrawnAt;

  /** When the cohort started with this learner in it (or they were moved into it running). */
  @Column(name = "activated_at")
  public OffsetDateTime activatedAt;

  /** When the certification result completed the learner's training. */
  @Column(name = "completed_at")
  public OffsetDateTime completedAt;

  /** Why staff withdrew the learner; null for a withdrawn application, which gives no reason. */
  @Enumerated(EnumType.STRING)
  @Column(name = "exit_reason")
  public ExitReason exitReason;

  /** Staff's words on the exit: personal, kept here only, erased with the person. */
  @Column(name = "exit_comment")
  public String exitComment;

  /** The cohort staff moved the learner to. */
  @Column(name = "transferred_to")
  public UUID transferredTo;

  @Column(name = "transferred_at")
  public OffsetDateTime transferredAt;

  @Version public long version;

  /** Moves to {@code target}; throws when the state machine does not allow it. */
  public void moveTo(LearnerStatus target) {
    if (!status.canMoveTo(target)) {
      throw new IllegalStateException("learner seat cannot move from " + status + " to " + target);
    }
    status = target;
  }
}
