package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.passerelle.cohort.repository.CertificationResultRepository;

/**
 * Blanks the jury's references of a learner's certification results, in every cohort: staff's free
 * text (e.g. the minutes' number) that points at the person. The outcome, its date, the blocks and
 * the certificate stay: they identify nobody and the indicators need them. The result's version
 * moves on, so an ETag read before no longer matches.
 */
@ApplicationScoped
public class JuryReferenceEraser implements LearnerTextEraser {

  private final CertificationResultRepository results;

  JuryReferenceEraser(CertificationResultRepository results) {
    this.results = results;
  }

  @Override
  @Transactional
  public int erase(UUID learnerId) {
    return results.update(
        "juryReference = null, version = version + 1 where learnerId = ?1"
            + " and juryReference is not null",
        learnerId);
  }
}
