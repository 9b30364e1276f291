package org.passerelle.cohort.service;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Blanks every kind of free text staff wrote about a learner enrollment-service erased, each kind
 * by its {@link LearnerTextEraser}, all in one transaction: the one that records the event.
 */
@ApplicationScoped
public class ErasureService {

  private final List<LearnerTextEraser> erasers;

  ErasureService(@All List<LearnerTextEraser> erasers) {
    this.erasers = erasers;
  }

  /** Returns how many records changed; none when there was nothing left to blank. */
  @Transactional
  public int erase(UUID learnerId) {
    int changed = 0;
    for (LearnerTextEraser eraser : erasers) {
      changed += eraser.erase(learnerId);
    }
    return changed;
  }
}
