package org.passerelle.partnership;

/** How a loan ended: the computer came back, or the learner kept it as a gift. */
public enum LoanOutcome {
  RETURNED,
  GIFTED
}
