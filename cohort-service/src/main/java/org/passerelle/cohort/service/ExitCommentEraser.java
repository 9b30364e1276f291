package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.passerelle.cohort.ExitReason;
import org.passerelle.cohort.repository.CohortLearnerRepository;

/**
 * Blanks staff's exit comments about the learner, in every cohort. The exit reason, a code, stays
 * for funders' drop-out figures, except HEALTH: health is special-category data and, kept under the
 * learnerId, it would tell anyone who knows who left a cohort that day why (ADR 0012). It becomes
 * OTHER, so the drop-out is still counted.
 */
@ApplicationScoped
public class ExitCommentEraser implements LearnerTextEraser {

  private final CohortLearnerRepository learners;

  ExitCommentEraser(CohortLearnerRepository learners) {
    this.learners = learners;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int erase(UUID learnerId) {
    return learners.update(
        "exitComment = null,"
            + " exitReason = case when exitReason = ?2 then ?3 else exitReason end,"
            + " version = version + 1"
            + " where learnerId = ?1 and (exitComment is not null or exitReason = ?2)",
        learnerId,
        ExitReason.HEALTH,
        ExitReason.OTHER);
  }
}
