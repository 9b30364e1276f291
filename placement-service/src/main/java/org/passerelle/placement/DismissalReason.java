package org.passerelle.placement;

/** Why staff dismissed a placement to confirm instead of recording it. */
public enum DismissalReason {
  /** The job the learner left for did not start or ended before it could be recorded. */
  JOB_FELL_THROUGH,
  /** What the learner left for was not a job (e.g. a course, a move). */
  NOT_A_JOB,
  /** The situation is already recorded by another placement. */
  DUPLICATE,
  /** Anything else, told in the note. */
  OTHER
}
