package org.passerelle.cohort;

import java.util.EnumSet;
import java.util.Set;

/**
 * A learner's seat in a cohort: enrolled when accepted, active once training, then completed or
 * withdrawn. A withdrawn seat is enrolled again when the same learner is accepted again before the
 * cohort starts (one row per learner and cohort).
 */
public enum LearnerStatus {
  ENROLLED,
  ACTIVE,
  COMPLETED,
  WITHDRAWN;

  public Set<LearnerStatus> next() {
    return switch (this) {
      case ENROLLED -> EnumSet.of(ACTIVE, WITHDRAWN);
      case ACTIVE -> EnumSet.of(COMPLETED, WITHDRAWN);
      case WITHDRAWN -> EnumSet.of(ENROLLED);
      case COMPLETED -> EnumSet.noneOf(LearnerStatus.class);
    };
  }

  public boolean canMoveTo(LearnerStatus target) {
    return next().contains(target);
  }

  /** Whether the learner holds one of the cohort's seats. */
  public boolean holdsSeat() {
    return this == ENROLLED || this == ACTIVE;
  }

  /** The statuses that hold a seat, as counted against the cohort's capacity. */
  public static Set<LearnerStatus> holdingSeat() {
    return EnumSet.of(ENROLLED, ACTIVE);
  }
}
