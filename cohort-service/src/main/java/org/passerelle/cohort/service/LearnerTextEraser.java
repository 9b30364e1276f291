package org.passerelle.cohort.service;

import java.util.UUID;

/**
 * Blanks the free text staff wrote about one learner in one kind of record (exit comments,
 * attendance comments, certificate notes, juries' references, stored responses holding them), when
 * enrollment-service says the person was erased. Each kind of record has its own eraser; {@link
 * ErasureService} runs them all in one transaction. Codes, dates and outcomes stay: they identify
 * nobody and the indicators need them.
 */
public interface LearnerTextEraser {

  /** Blanks this learner's free text; returns how many records changed. */
  int erase(UUID learnerId);
}
