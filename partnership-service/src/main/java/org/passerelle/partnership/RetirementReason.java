package org.passerelle.partnership;

/** Why a computer left the stock without going to a learner. */
public enum RetirementReason {
  OBSOLETE,
  BROKEN,
  LOST,
  STOLEN
}
