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
 * A learner in a cohort: the seat they hold, then (issue 5) their attendance and certification. The
 * learner is the pseudonymous id enrollment-service gives; personal data stays there.
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

  @Version public long version;

  /** Moves to {@code target}; throws when the state machine does not allow it. */
  public void moveTo(LearnerStatus target) {
    if (!status.canMoveTo(target)) {
      throw new IllegalStateException("learner seat cannot move from " + status + " to " + target);
    }
    status = target;
  }
}
