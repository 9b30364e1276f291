package org.passerelle.partnership;

/** Why a loan was flagged for the computer to come back: the learner left, or finished. */
public enum RecallReason {
  WITHDREW,
  COMPLETED
}
