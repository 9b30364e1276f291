package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

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

  private final EntityManager entityManager;

  StoredResponseEraser(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  @Transactional
  public int erase(UUID learnerId) {
    return entityManager
        .createNativeQuery(
            "delete from idempotency_key where operation like ?1 and body is not null"
                + " and strpos(body, ?2) > 0")
        .setParameter(1, WITH_STAFF_TEXT)
        .setParameter(2, learnerId.toString())
        .executeUpdate();
  }
}
