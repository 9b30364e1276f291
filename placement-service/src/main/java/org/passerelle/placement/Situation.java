package org.passerelle.placement;

/** Where a learner is at a date after the training, in the categories funders ask about. */
public enum Situation {
  EMPLOYED,
  WORK_STUDY,
  FURTHER_TRAINING,
  SELF_EMPLOYED,
  JOB_SEEKING,
  INACTIVE,
  UNKNOWN;

  /** Situations that are a job under a contract, whose contract type is required. */
  public boolean underContract() {
    return this == EMPLOYED || this == WORK_STUDY;
  }

  /** Situations that name an employer (or the learner's own business) when there is one. */
  public boolean hasEmployer() {
    return underContract() || this == SELF_EMPLOYED;
  }
}
