package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.passerelle.cohort.repository.CohortLearnerRepository;

/**
 * Blanks staff's exit comments about the learner, in every cohort. The exit reason, a code, stays:
 * funders' drop-out figures need it and it identifies nobody.
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
        "exitComment = null, version = version + 1 where learnerId = ?1 and exitComment is not null",
        learnerId);
  }
}
