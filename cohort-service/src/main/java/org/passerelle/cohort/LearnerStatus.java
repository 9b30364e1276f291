package org.passerelle.cohort;

import java.util.EnumSet;
import java.util.Set;

/**
 * A learner's seat in a cohort: enrolled when accepted, active once the cohort runs, then completed
 * (certification result given) or withdrawn (left the school, with an exit reason), or transferred
 * (moved by staff to another cohort of the same programme, which is not leaving the school). One
 * row per learner and cohort, so coming back uses the same row: a withdrawn seat is enrolled again
 * when the learner is accepted again before the start; a learner transferred away and moved back is
 * enrolled again, or active if the cohort already runs.
 */
public enum LearnerStatus {
  ENROLLED,
  ACTIVE,
  COMPLETED,
  WITHDRAWN,
  TRANSFERRED;

  public Set<LearnerStatus> next() {
    return switch (this) {
      case ENROLLED -> EnumSet.of(ACTIVE, WITHDRAWN, TRANSFERRED);
      case ACTIVE -> EnumSet.of(COMPLETED, WITHDRAWN, TRANSFERRED);
      case WITHDRAWN -> EnumSet.of(ENROLLED);
      case TRANSFERRED -> EnumSet.of(ENROLLED, ACTIVE);
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
