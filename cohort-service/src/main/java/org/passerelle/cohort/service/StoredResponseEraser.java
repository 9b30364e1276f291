package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.passerelle.commons.idempotency.IdempotencyKeys;

/**
 * Deletes the responses kept for Idempotency-Key retries that hold staff's free text about the
 * learner, as enrollment-service's erasure deletes those that hold the person's data: a retry after
 * it runs again (and is refused, the learner being completed) instead of replaying the text.
 *
 * <p>Only record-certification-result keeps such text (the jury's reference). The other stored
 * responses name learners without staff's words: bulk enrolments and transfers answer seats just
 * taken or already held, whose exit comment is always null (taking a seat clears it); a scheduled
 * cohort names no learner. Withdrawals and attendance days are not stored.
 */
@ApplicationScoped
public class StoredResponseEraser implements LearnerTextEraser {

  /** The operations whose stored responses hold staff's text about one learner. */
  static final String WITH_STAFF_TEXT = "record-certification-result %";

  private final IdempotencyKeys idempotency;

  StoredResponseEraser(IdempotencyKeys idempotency) {
    this.idempotency = idempotency;
  }

  @Override
  @Transactional
  public int erase(UUID learnerId) {
    return idempotency.forgetResponsesMentioning(
        List.of(WITH_STAFF_TEXT), List.of(learnerId.toString()));
  }
}
