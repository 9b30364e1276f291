package org.passerelle.cohort.service;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.passerelle.cohort.repository.LearnerAccountRepository;

/**
 * Blanks every kind of free text staff wrote about a learner enrollment-service erased, each kind
 * by its {@link LearnerTextEraser}, and forgets the account that led to them (ADR 0023), all in one
 * transaction: the one that records the event.
 */
@ApplicationScoped
public class ErasureService {

  private final List<LearnerTextEraser> erasers;
  private final LearnerAccountRepository accounts;

  ErasureService(@All List<LearnerTextEraser> erasers, LearnerAccountRepository accounts) {
    this.erasers = erasers;
    this.accounts = accounts;
  }

  /** Returns how many records changed; none when there was nothing left to blank. */
  @Transactional
  public int erase(UUID learnerId) {
    int changed = 0;
    for (LearnerTextEraser eraser : erasers) {
      changed += eraser.erase(learnerId);
    }
    changed += (int) accounts.forget(learnerId);
    return changed;
  }
}
