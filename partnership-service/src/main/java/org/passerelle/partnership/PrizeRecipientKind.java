package org.passerelle.partnership;

/** Who a prize went to: learners (by learnerId) or educators (cohort trainers, by name). */
public enum PrizeRecipientKind {
  LEARNERS,
  EDUCATORS
}
